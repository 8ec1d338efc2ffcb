import { randomBytes } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

import { apiError, redact, unknownOutcomeError } from './errors';
import type { HeaderBag, RetryPolicy } from './retry';
import { DEFAULT_RETRY_POLICY, pacingDelayMs, retryDelayMs } from './retry';

export type RequestContext = IExecuteFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

/** What the shared core needs to know about a vendor; everything else about it lives in its folder. */
export interface VendorApi {
	/** Vendor name as users know it; starts every error message. */
	name: string;
	/** The n8n credential type, e.g. `webEngageApi`. */
	credentialType: string;
	/** Base URL for relative paths, from the decrypted credential. */
	baseUrl(credentials: ICredentialDataDecryptedObject): string;
	/**
	 * Values from the credential that paths refer to as `{name}` (e.g. a license code or a bot key);
	 * they are URL-encoded into the path.
	 */
	pathParams?(credentials: ICredentialDataDecryptedObject): Record<string, string>;
	/** The vendor's own error text inside a response body, if its envelope has one. */
	errorMessage(body: unknown): string | undefined;
	/** A 2xx body that still reports a failure (e.g. Engati's `status.code` other than 1000). */
	bodyError?(body: unknown): { message: string; code?: string | number } | undefined;
	retry?: Partial<RetryPolicy>;
	/**
	 * The credential holds an expirable token (`preAuthentication`). n8n refreshes it only when a
	 * request throws a 401, so such a vendor's requests let n8n see HTTP errors; the others read
	 * every status themselves and keep the response headers (Retry-After, X-RateLimit-*).
	 */
	refreshTokenOn401?: boolean;
}

export interface ApiRequest {
	method: IHttpRequestMethods;
	/**
	 * Path below the credential's base URL, or an absolute URL. `{name}` placeholders are filled
	 * from the vendor's `pathParams` (URL-encoded); encode user-supplied segments yourself.
	 */
	path: string;
	qs?: IDataObject;
	body?: IDataObject | IDataObject[] | string | Buffer | unknown;
	headers?: IDataObject;
	/**
	 * Header that carries the vendor's dedupe key. One key is made per call and sent unchanged on
	 * every retry, so the vendor drops a replay of a request that did reach it.
	 */
	dedupeHeader?: string;
	/**
	 * Whether replaying this request is harmless even if an earlier attempt reached the vendor.
	 * Defaults to true for GET, HEAD, PUT, DELETE and OPTIONS, and to true when a dedupe header is set.
	 */
	idempotent?: boolean;
	/** How arrays in `qs` are written; `repeat` gives `id=a&id=b` (n8n's default is `id[0]=a`). */
	arrayFormat?: IHttpRequestOptions['arrayFormat'];
	/** Send and parse JSON (default true). */
	json?: boolean;
	/** `arraybuffer` for binary downloads. */
	encoding?: IHttpRequestOptions['encoding'];
	/** Item this request serves; named in errors. */
	itemIndex?: number;
	/**
	 * What a 2xx answer must look like: returns why a body is not the expected one, or undefined.
	 * Such an answer counts as garbled: replayed when that is safe, else an unknown outcome.
	 */
	expect?: (body: unknown) => string | undefined;
	/**
	 * How a user finds out whether the vendor acted, named in an unknown-outcome error (e.g. "look
	 * the message up in the message history").
	 */
	unknownOutcomeCheck?: string;
}

export interface ApiResponse<T = unknown> {
	body: T;
	statusCode: number;
	headers: HeaderBag;
}

const IDEMPOTENT_METHODS = new Set(['GET', 'HEAD', 'PUT', 'DELETE', 'OPTIONS']);

/**
 * Errors raised before any byte of the request reached the server: safe to retry, but only a few
 * times, since a refused connection is more often a wrong base URL than a passing fault. A host
 * name that does not exist (ENOTFOUND) is not retried at all.
 */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'EAI_AGAIN', 'EHOSTUNREACH', 'ENETUNREACH']);
const NOT_SENT_MAX_RETRIES = 2;
/** Errors after which the vendor may or may not have acted on the request. */
const MAYBE_SENT_CODES = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
	'EMALFORMED', // a garbled response: the vendor did act on the request
]);

interface Target {
	baseUrl: string;
	pathParams: Record<string, string>;
}

const targetCache = new WeakMap<object, Map<string, Promise<Target>>>();

/** One credential lookup per node run and vendor, not one per request. */
async function resolveTarget(ctx: RequestContext, api: VendorApi): Promise<Target> {
	let perContext = targetCache.get(ctx);
	if (!perContext) {
		perContext = new Map();
		targetCache.set(ctx, perContext);
	}
	let target = perContext.get(api.credentialType);
	if (!target) {
		target = ctx.getCredentials(api.credentialType).then((credentials) => ({
			baseUrl: api.baseUrl(credentials).replace(/\/+$/, ''),
			pathParams: api.pathParams?.(credentials) ?? {},
		}));
		perContext.set(api.credentialType, target);
	}
	return await target;
}

export function fillPath(path: string, params: Record<string, string>): string {
	return path.replace(/\{(\w+)\}/g, (whole, name: string) =>
		name in params ? encodeURIComponent(params[name]) : whole,
	);
}

interface FailedAttempt {
	statusCode?: number;
	headers?: HeaderBag;
	body?: unknown;
	networkCode?: string;
	message: string;
	secrets: string[];
}

/** Reads what n8n's request helper threw: a NodeApiError around the HTTP client's error. */
function readFailure(error: unknown): FailedAttempt {
	// n8n wraps the HTTP client's error in a NodeApiError: as `cause` when it is an Error of this
	// realm, else as `errorResponse`; the response body may also sit in `context.data`.
	const outer = error as {
		cause?: unknown;
		errorResponse?: unknown;
		message?: string;
		httpCode?: string | null;
		context?: { data?: unknown };
	};
	const wrapped = outer?.cause ?? (typeof outer?.errorResponse === 'object' ? outer.errorResponse : undefined);
	const cause = (wrapped ?? error) as {
		code?: string;
		message?: string;
		response?: { status?: number; headers?: HeaderBag; data?: unknown };
		config?: { headers?: Record<string, unknown>; auth?: { password?: string } };
	};
	const secrets: string[] = [];
	const sentHeaders = cause?.config?.headers ?? {};
	for (const [name, value] of Object.entries(sentHeaders)) {
		if (/authorization|api-?key|token|secret/i.test(name) && typeof value === 'string') {
			secrets.push(value, ...value.split(/\s+/).slice(1));
		}
	}
	if (cause?.config?.auth?.password) secrets.push(cause.config.auth.password);
	// n8n-workflow 1.120's NodeApiError drops the client error at runtime and keeps only `httpCode`:
	// an HTTP status, or a network code such as ECONNREFUSED.
	const outerCode = outer?.httpCode ?? undefined;
	const numericCode = outerCode && /^\d{3}$/.test(outerCode) ? Number(outerCode) : undefined;
	return {
		statusCode: cause?.response?.status ?? numericCode,
		headers: cause?.response?.headers,
		body: cause?.response?.data ?? outer?.context?.data,
		networkCode: cause?.code ?? (outerCode && numericCode === undefined ? outerCode : undefined),
		message: cause?.message ?? outer?.message ?? 'Request failed',
		secrets,
	};
}

function decodeBody(body: unknown): unknown {
	if (Buffer.isBuffer(body) || body instanceof ArrayBuffer) {
		const text = Buffer.from(body as Buffer).toString('utf8');
		try {
			return JSON.parse(text);
		} catch {
			return text;
		}
	}
	return body;
}

/**
 * The HTTP client hands back the raw text when a JSON body does not parse; a body that starts like
 * JSON but arrives as a string was cut off or garbled on the way.
 */
function isMalformedJson(body: unknown, request: ApiRequest): boolean {
	if (request.json === false || request.encoding) return false;
	// JSON cut off or garbled, or an HTML page (a proxy's or load balancer's) instead of JSON.
	return typeof body === 'string' && /^\s*[[{<]/.test(body);
}

/**
 * Whether a failed attempt may have been carried out by the vendor: a 5xx, or a connection that
 * broke after the request was sent, or an answer that is not the expected one. A 4xx, a refused
 * connection, an unknown host, or a failure before any request was made (no HTTP status and no
 * network code, e.g. a token exchange that failed) means the vendor did nothing.
 */
function maybeActed(failure: FailedAttempt): boolean {
	if (failure.statusCode !== undefined) return failure.statusCode >= 500;
	if (!failure.networkCode) return false;
	return !NOT_SENT_CODES.has(failure.networkCode) && failure.networkCode !== 'ENOTFOUND';
}

function outcomeCause(failure: FailedAttempt, vendorMessage: string | undefined): string {
	if (failure.statusCode !== undefined) return `HTTP ${failure.statusCode}${vendorMessage ? `: ${vendorMessage}` : ''}`;
	if (failure.networkCode === 'EMALFORMED') return failure.message;
	return `the connection broke before the answer arrived (${failure.networkCode})`;
}

function isRetryable(failure: FailedAttempt, replaySafe: boolean): boolean {
	if (failure.statusCode === 429) return true; // the vendor refused it: nothing was done
	if (failure.statusCode !== undefined) return failure.statusCode >= 500 && replaySafe;
	if (failure.networkCode && NOT_SENT_CODES.has(failure.networkCode)) return true;
	return replaySafe && failure.networkCode !== undefined && MAYBE_SENT_CODES.has(failure.networkCode);
}

/**
 * The one request path of the package: authentication by n8n (`httpRequestWithAuthentication`,
 * which also refreshes expirable tokens once on a 401), retries with back-off on 429, 5xx and
 * network errors within a bounded total wait, pacing on `X-RateLimit-Remaining: 0`, and errors that
 * carry the vendor's message but never a secret.
 *
 * A request is replayed after a 5xx or a broken connection only when that cannot act twice: an
 * idempotent method, or a vendor dedupe key that stays the same across attempts.
 */
export async function apiRequestFull<T = unknown>(
	this: RequestContext,
	api: VendorApi,
	request: ApiRequest,
): Promise<ApiResponse<T>> {
	const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...api.retry };
	const absolute = /^https?:\/\//i.test(request.path);
	const target = await resolveTarget(this, api);
	const path = fillPath(request.path, target.pathParams);
	const headers: IDataObject = { ...(request.headers ?? {}) };
	if (request.dedupeHeader && headers[request.dedupeHeader] === undefined) {
		headers[request.dedupeHeader] = randomBytes(16).toString('hex');
	}
	const replaySafe =
		request.idempotent ?? (IDEMPOTENT_METHODS.has(request.method) || request.dedupeHeader !== undefined);
	const options: IHttpRequestOptions = {
		method: request.method,
		url: absolute ? path : target.baseUrl + path,
		qs: request.qs,
		headers,
		json: request.json ?? true,
		returnFullResponse: true,
		...(request.encoding ? { encoding: request.encoding } : {}),
		...(request.arrayFormat ? { arrayFormat: request.arrayFormat } : {}),
		...(request.body !== undefined ? { body: request.body as IDataObject } : {}),
	};
	const operation = `${request.method} ${request.path.split('?')[0]}`;

	let waitedMs = 0;
	for (let attempt = 0; ; attempt++) {
		let failure: FailedAttempt | undefined;
		let response: { body: T; statusCode: number; headers: HeaderBag } | undefined;
		try {
			response = (await this.helpers.httpRequestWithAuthentication.call(this, api.credentialType, {
				...options,
				headers: { ...headers },
				ignoreHttpStatusErrors: !api.refreshTokenOn401,
			})) as { body: T; statusCode: number; headers: HeaderBag };
		} catch (error) {
			failure = readFailure(error);
		}
		if (response && response.statusCode >= 400) {
			failure = {
				statusCode: response.statusCode,
				headers: response.headers,
				body: response.body,
				message: `HTTP ${response.statusCode}`,
				secrets: [],
			};
			response = undefined;
		}

		const unexpected = response
			? isMalformedJson(response.body, request)
				? 'not valid JSON'
				: request.expect?.(response.body)
			: undefined;
		if (response && unexpected) {
			failure = {
				statusCode: undefined,
				networkCode: 'EMALFORMED',
				message: `HTTP ${response.statusCode} with an unexpected answer: ${unexpected}`,
				secrets: [],
			};
		} else if (response) {
			const bodyError = api.bodyError?.(response.body);
			if (bodyError) {
				throw apiError(this.getNode(), {
					vendor: api.name,
					httpCode: response.statusCode,
					vendorMessage: redact(bodyError.message),
					vendorCode: bodyError.code,
					operation,
					itemIndex: request.itemIndex,
				});
			}
			const pause = pacingDelayMs(response.headers, policy, Date.now());
			if (pause > 0) await sleep(pause);
			return { body: response.body, statusCode: response.statusCode, headers: response.headers ?? {} };
		}
		const failed = failure as FailedAttempt;

		const maxRetries =
			failed.networkCode && NOT_SENT_CODES.has(failed.networkCode)
				? Math.min(policy.maxRetries, NOT_SENT_MAX_RETRIES)
				: policy.maxRetries;
		if (attempt < maxRetries && isRetryable(failed, replaySafe)) {
			const delay = retryDelayMs(attempt, failed.headers, policy, Date.now(), Math.random);
			if (waitedMs + delay <= policy.maxTotalWaitMs) {
				waitedMs += delay;
				await sleep(delay);
				continue;
			}
		}

		const body = decodeBody(failed.body);
		const vendorMessage = api.errorMessage(body) ?? (typeof body === 'string' && body ? body : undefined);
		if (!replaySafe && maybeActed(failed)) {
			throw unknownOutcomeError(this.getNode(), {
				vendor: api.name,
				cause: redact(outcomeCause(failed, vendorMessage?.slice(0, 200)), failed.secrets),
				httpCode: failed.statusCode,
				retries: attempt,
				operation,
				check: request.unknownOutcomeCheck,
				itemIndex: request.itemIndex,
			});
		}
		const text = vendorMessage ?? (failed.statusCode === undefined ? failed.message : undefined);
		throw apiError(this.getNode(), {
			vendor: api.name,
			httpCode: failed.statusCode,
			vendorMessage: text === undefined ? undefined : redact(text, failed.secrets) || undefined,
			retries: attempt,
			operation,
			itemIndex: request.itemIndex,
		});
	}
}

/** `apiRequestFull` returning the body only. */
export async function apiRequest(
	this: RequestContext,
	api: VendorApi,
	request: ApiRequest,
): Promise<IDataObject> {
	const response = await apiRequestFull.call(this, api, request);
	return response.body as IDataObject;
}
