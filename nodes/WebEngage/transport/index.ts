import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { ApiRequest, RequestContext, VendorApi } from '../../shared';
import { apiRequest } from '../../shared';

const DATA_CENTER_HOSTS: Record<string, string> = {
	global: 'https://api.webengage.com',
	india: 'https://api.in.webengage.com',
	ksa: 'https://api.ksa.webengage.com',
};

/** Bulk endpoints take at most 25 users or events per call (WebEngage bulk API docs). */
export const WEBENGAGE_BULK_LIMIT = 25;

export const webEngageApi: VendorApi = {
	name: 'WebEngage',
	credentialType: 'webEngageApi',
	baseUrl(credentials: ICredentialDataDecryptedObject) {
		const dataCenter = String(credentials.dataCenter ?? 'global');
		const host = dataCenter === 'custom' ? String(credentials.baseUrl ?? '') : DATA_CENTER_HOSTS[dataCenter];
		return host;
	},
	pathParams(credentials: ICredentialDataDecryptedObject) {
		return { licenseCode: String(credentials.licenseCode ?? '').trim() };
	},
	// Envelope: {"response": {"status": "error", "message": "..."}}
	errorMessage(body: unknown) {
		const response = (body as { response?: { message?: unknown } })?.response;
		return typeof response?.message === 'string' ? response.message : undefined;
	},
	// No Retry-After is documented: back off from 1 s and let the per-minute window pass.
	retry: { baseDelayMs: 1000, maxDelayMs: 30_000, maxTotalWaitMs: 180_000, maxRetries: 8 },
};

const withCause = new WeakMap<object, RequestContext>();

interface WrappedRequestError {
	cause?: unknown;
	httpCode?: string | null;
	messages?: string[];
	message?: string;
	context?: { data?: unknown };
}

/**
 * n8n 1.123 wraps a failed request in a NodeApiError without `cause`: the HTTP status or the
 * network code (e.g. `ECONNRESET`) is in `httpCode` and the response body in `context.data`. The
 * shared core reads `cause` (the HTTP client's error), so without this it neither sees WebEngage's
 * own message nor replays a connection reset. This rebuilds `cause` from what n8n kept.
 */
export function restoreCause(error: unknown): void {
	const wrapped = error as WrappedRequestError | undefined;
	if (!wrapped || typeof wrapped !== 'object' || wrapped.cause !== undefined) return;
	const code = wrapped.httpCode ?? undefined;
	const status = code !== undefined && /^\d{3}$/.test(code) ? Number(code) : undefined;
	wrapped.cause = {
		message: wrapped.messages?.[0] ?? wrapped.message,
		...(status === undefined && code ? { code } : {}),
		...(status !== undefined ? { response: { status, data: wrapped.context?.data } } : {}),
	};
}

/** The node's context with a request helper whose errors carry `cause` again (see restoreCause). */
function exposeClientError(ctx: RequestContext): RequestContext {
	let view = withCause.get(ctx);
	if (!view) {
		const original = ctx.helpers.httpRequestWithAuthentication;
		const helpers = Object.create(ctx.helpers as object, {
			httpRequestWithAuthentication: {
				value: async (...args: Parameters<typeof original>) => {
					let failed: unknown;
					try {
						return await original.apply(ctx, args);
					} catch (error) {
						failed = error;
					}
					restoreCause(failed);
					// The same n8n error, only with its cause filled in.
					throw failed as Error;
				},
			},
		}) as RequestContext['helpers'];
		view = Object.create(ctx as object, { helpers: { value: helpers } }) as RequestContext;
		withCause.set(ctx, view);
	}
	return view;
}

/** A request to WebEngage; user and event ingestion carry an `x-request-id` dedupe key. */
export async function webEngageRequest(
	this: RequestContext,
	request: ApiRequest & { dedupe?: boolean },
): Promise<IDataObject> {
	const { dedupe, ...rest } = request;
	return await apiRequest.call(exposeClientError(this), webEngageApi, {
		...rest,
		...(dedupe ? { dedupeHeader: 'x-request-id' } : {}),
	});
}
