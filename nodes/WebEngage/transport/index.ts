import type { ICredentialDataDecryptedObject, IDataObject, IExecuteFunctions } from 'n8n-workflow';

import type { ApiRequest, RequestContext, VendorApi } from '../../shared';
import { apiRequest, checkBaseUrl, checkCredentialFields, checkKnownValue } from '../../shared';

const DATA_CENTER_HOSTS: Record<string, string> = {
	global: 'https://api.webengage.com',
	india: 'https://api.in.webengage.com',
	ksa: 'https://api.ksa.webengage.com',
};

/** A bulk call carries at most 25 records: 30 s is ample, and a hung call ends soon. */
export const WEBENGAGE_TIMEOUT_SECONDS = 30;

/** The credential's base URL: a known data center's host, or a custom http(s) URL. */
export function webEngageBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const dataCenter = checkKnownValue(credentials.dataCenter ?? 'global', 'Data Center', [
		...Object.keys(DATA_CENTER_HOSTS),
		'custom',
	]);
	return dataCenter === 'custom'
		? checkBaseUrl(credentials.baseUrl, 'Base URL')
		: DATA_CENTER_HOSTS[dataCenter];
}

/**
 * Host of the Business Events (Relays) calls. WebEngage's Getting Started page says the endpoint
 * "differs for updating Business Events"; the Relays page's examples use https://api.webengage.com
 * only. So: the credential's Business Events Base URL when set; else that documented host for
 * Global, the data center's own host for India and KSA (inferred), the custom Base URL for Custom.
 */
export function businessEventsBaseUrl(credentials: ICredentialDataDecryptedObject): {
	url: string;
	inferred: boolean;
} {
	const explicit = String(credentials.businessEventsBaseUrl ?? '').trim();
	if (explicit) return { url: checkBaseUrl(explicit, 'Business Events Base URL'), inferred: false };
	const base = webEngageBaseUrl(credentials);
	return {
		url: base,
		inferred: credentials.dataCenter === 'india' || credentials.dataCenter === 'ksa',
	};
}

/** The named host of Business Events requests (`ApiRequest.host`). */
const BUSINESS_EVENTS_HOST = 'businessEvents';

/**
 * A Business Events call: sent to `businessEventsBaseUrl`. A 404 there most likely means the host
 * is wrong, so its error names the credential field.
 */
export async function webEngageBusinessRequest(
	this: IExecuteFunctions,
	request: ApiRequest,
): Promise<IDataObject> {
	try {
		return await webEngageRequest.call(this, { ...request, host: BUSINESS_EVENTS_HOST });
	} catch (error) {
		return await explainBusinessHost.call(this, error);
	}
}

async function explainBusinessHost(this: IExecuteFunctions, error: unknown): Promise<never> {
	const e = error as { httpCode?: string | null; description?: string | null } | undefined;
	if (e && String(e.httpCode) === '404') {
		const { url, inferred } = businessEventsBaseUrl(await this.getCredentials('webEngageApi'));
		e.description =
			`Business Events went to ${url}${inferred ? ' (inferred for this data center: WebEngage documents no Business Events host for it)' : ''}. ` +
			'If that is not your account\'s Business Events host, set "Business Events Base URL" in the credential.';
	}
	throw error;
}

/** Bulk endpoints take at most 25 users or events per call (WebEngage bulk API docs). */
export const WEBENGAGE_BULK_LIMIT = 25;

/**
 * Bulk calls in flight at once. WebEngage documents a per-minute limit, not a limit on calls at once;
 * two overlap n8n's work on the next call with the vendor's answer to this one, and a 429 is
 * retried per call by the transport as before.
 */
export const WEBENGAGE_BULK_CONCURRENCY = 2;

export const webEngageApi: VendorApi = {
	name: 'WebEngage',
	credentialType: 'webEngageApi',
	baseUrl: (credentials, host) =>
		host === BUSINESS_EVENTS_HOST
			? businessEventsBaseUrl(credentials).url
			: webEngageBaseUrl(credentials),
	// Business Events may live on a host of their own (credential field Business Events Base URL).
	origins: (credentials) => [webEngageBaseUrl(credentials), businessEventsBaseUrl(credentials).url],
	// Sent as `Authorization: Bearer <key>`.
	secrets: (credentials) => [String(credentials.apiKey ?? '')],
	timeoutMs: WEBENGAGE_TIMEOUT_SECONDS * 1000,
	pathParams(credentials: ICredentialDataDecryptedObject) {
		checkCredentialFields(credentials, 'WebEngage API', [
			{ key: 'apiKey', label: 'API Key', required: true, noSpaces: true },
		]);
		const licenseCode = String(credentials.licenseCode ?? '').trim();
		checkCredentialFields({ licenseCode }, 'WebEngage API', [
			{ key: 'licenseCode', label: 'License Code', required: true, noSpaces: true, pathSafe: true },
		]);
		return { licenseCode };
	},
	// Envelope: {"response": {"status": "error", "message": "..."}}
	errorMessage(body: unknown) {
		const response = (body as { response?: { message?: unknown } })?.response;
		return typeof response?.message === 'string' ? response.message : undefined;
	},
	// No Retry-After is documented: back off from 1 s. The limits are per minute (fixed windows, as
	// far as the docs tell), so a 429 is retried every 1.5–3 s until the window reopens, within the
	// 180 s budget, instead of overshooting the reset by up to 30 s.
	retry: {
		baseDelayMs: 1000,
		maxDelayMs: 30_000,
		maxTotalWaitMs: 180_000,
		maxRetries: 8,
		throttle: { maxStepMs: 3000, maxRetries: 90 },
	},
};

/**
 * What an ingestion call (users, events, bulk) answers when it worked: `{"response": {"status":
 * "queued"}}` (WebEngage REST API docs). Any other 2xx body means the call cannot be trusted.
 */
export function expectQueued(body: unknown): string | undefined {
	const status = (body as { response?: { status?: unknown } } | undefined)?.response?.status;
	return status === 'queued' ? undefined : 'expected {"response": {"status": "queued"}}';
}

/** What a transactional call answers when it worked: `{"response": {"data": {"txnId": …}}}`. */
export function expectTransaction(body: unknown): string | undefined {
	const data = (body as { response?: { data?: { txnId?: unknown } } } | undefined)?.response?.data;
	return typeof data?.txnId === 'string' && data.txnId
		? undefined
		: 'expected {"response": {"data": {"txnId": …}}}';
}

/** A request to WebEngage; user and event ingestion carry an `x-request-id` dedupe key. */
export async function webEngageRequest(
	this: RequestContext,
	request: ApiRequest & { dedupe?: boolean },
): Promise<IDataObject> {
	const { dedupe, ...rest } = request;
	return await apiRequest.call(this, webEngageApi, {
		...rest,
		...(dedupe ? { dedupeHeader: 'x-request-id' } : {}),
	});
}
