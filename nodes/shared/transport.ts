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
import { NodeOperationError, sleep } from 'n8n-workflow';

import { apiError, redact, unknownOutcomeError } from './errors';
import type { HeaderBag, RetryPolicy } from './retry';
import { DEFAULT_RETRY_POLICY, headerValue, pacingDelayMs, retryDelayMs } from './retry';
import { maskSecretsInBody, secretForms } from './secrets';
import { CredentialSettingError, isRedirect, originOf, redirectStep } from './urls';

export type RequestContext =
	| IExecuteFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions;

/** What the shared core needs to know about a vendor; everything else about it lives in its folder. */
export interface VendorApi {
	/** Vendor name as users know it; starts every error message. */
	name: string;
	/** The n8n credential type, e.g. `webEngageApi`. */
	credentialType: string;
	/**
	 * Base URL for relative paths, from the decrypted credential. `host` is a request's named host
	 * (`ApiRequest.host`, e.g. an API family with a host of its own); without it, the default host.
	 */
	baseUrl(credentials: ICredentialDataDecryptedObject, host?: string): string;
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
	/** How long one request may wait for an answer unless the user or the call says otherwise. */
	timeoutMs?: number;
	/**
	 * Credential values to keep out of errors and output, as the credential sends them (e.g. the key,
	 * and `user:password` for Basic); every encoded form of them is masked too.
	 */
	secrets?(credentials: ICredentialDataDecryptedObject): Array<string | undefined>;
	/**
	 * Origins (`scheme://host:port`) that may receive the credential; default: the base URL's. An
	 * absolute URL or a redirect elsewhere is never sent with credentials.
	 */
	origins?(credentials: ICredentialDataDecryptedObject): string[];
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
	 * Path below the credential's base URL, or an absolute URL. `{name}` placeholders are filled,
	 * URL-encoded, from this request's `pathParams`, then from the vendor's (credential values).
	 */
	path: string;
	/**
	 * Values for the path's `{name}` placeholders (e.g. an ID the user entered); URL-encoded by the
	 * transport. A value here wins over the credential's value of the same name (e.g. a per-item bot
	 * key); an undefined or empty value does not.
	 */
	pathParams?: Record<string, string | undefined>;
	/**
	 * Which of the credential's hosts a relative path goes to (`VendorApi.baseUrl`'s `host`), e.g.
	 * an EngageOne API family; default: the credential's base URL.
	 */
	host?: string;
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
	/** This call's timeout (e.g. a large bulk call); the user's Timeout option still wins. */
	timeoutMs?: number;
	/**
	 * An absolute URL on another origin than the credential's (e.g. a file URL from a response):
	 * `refuse` (default) fails the item before sending; `withoutCredentials` fetches it anonymously.
	 */
	crossOrigin?: 'refuse' | 'withoutCredentials';
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
	/** The base URL of a named host (`ApiRequest.host`); fails naming the credential field. */
	hostUrl(host: string): string;
	pathParams: Record<string, string>;
	/** Origins the credential may be sent to. */
	origins: Set<string>;
	/** Every form of every credential secret (see `secretForms`). */
	secretForms: string[];
}

/** Default timeout of one request when neither the vendor nor the user sets one. */
export const DEFAULT_TIMEOUT_MS = 60_000;
/** A request that timed out is sent again at most this often, and only when a replay is harmless. */
const TIMEOUT_MAX_RETRIES = 1;
/** Same-origin redirects followed per request. */
const MAX_REDIRECTS = 5;

/** Reads the credential into a Target; a setting that cannot work fails here, before any request. */
function buildTarget(
	ctx: RequestContext,
	api: VendorApi,
	credentials: ICredentialDataDecryptedObject,
): Target {
	try {
		const baseUrl = api.baseUrl(credentials).replace(/\/+$/, '');
		const origins = api.origins?.(credentials) ?? [baseUrl];
		const hosts = new Map<string, string>();
		return {
			baseUrl,
			hostUrl(host: string) {
				let url = hosts.get(host);
				if (url === undefined) {
					try {
						url = api.baseUrl(credentials, host).replace(/\/+$/, '');
					} catch (error) {
						throw error instanceof CredentialSettingError
							? credentialSettingError(ctx, api, error)
							: new NodeOperationError(ctx.getNode(), error as Error);
					}
					hosts.set(host, url);
				}
				return url;
			},
			pathParams: api.pathParams?.(credentials) ?? {},
			origins: new Set(
				origins.map((url) => originOf(url)).filter((o): o is string => o !== undefined),
			),
			secretForms: secretForms(api.secrets?.(credentials) ?? []),
		};
	} catch (error) {
		throw error instanceof CredentialSettingError
			? credentialSettingError(ctx, api, error)
			: new NodeOperationError(ctx.getNode(), error as Error);
	}
}

/** An unusable credential setting: says which field, and is not worded as a vendor answer. */
export function credentialSettingError(
	ctx: RequestContext,
	api: VendorApi,
	error: CredentialSettingError,
): NodeOperationError {
	return new NodeOperationError(ctx.getNode(), `${api.name} credential: ${error.message}`, {
		description: `Open the ${api.name} credential and correct "${error.field}". Nothing was sent.`,
	});
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
		target = ctx
			.getCredentials(api.credentialType)
			.then((credentials) => buildTarget(ctx, api, credentials));
		perContext.set(api.credentialType, target);
		// A credential that cannot be used fails each item with its own error, not one shared error.
		const cache = perContext;
		target.catch(() => cache.delete(api.credentialType));
	}
	return await target;
}

/** Fills `{name}` placeholders, URL-encoded; the first of `sources` that has a non-empty value wins. */
export function fillPath(
	path: string,
	...sources: Array<Record<string, string | undefined> | undefined>
): string {
	return path.replace(/\{(\w+)\}/g, (whole, name: string) => {
		for (const params of sources) {
			const value =
				params && Object.prototype.hasOwnProperty.call(params, name) ? params[name] : undefined;
			if (value !== undefined && value !== '') return encodeURIComponent(value);
		}
		return whole;
	});
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
	const wrapped =
		outer?.cause ?? (typeof outer?.errorResponse === 'object' ? outer.errorResponse : undefined);
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
	if (failure.statusCode !== undefined)
		return `HTTP ${failure.statusCode}${vendorMessage ? `: ${vendorMessage}` : ''}`;
	if (failure.networkCode === 'EMALFORMED') return failure.message;
	return `the connection broke before the answer arrived (${failure.networkCode})`;
}

function isRetryable(failure: FailedAttempt, replaySafe: boolean): boolean {
	if (failure.statusCode === 429) return true; // the vendor refused it: nothing was done
	if (failure.statusCode !== undefined) return failure.statusCode >= 500 && replaySafe;
	if (failure.networkCode && NOT_SENT_CODES.has(failure.networkCode)) return true;
	return (
		replaySafe && failure.networkCode !== undefined && MAYBE_SENT_CODES.has(failure.networkCode)
	);
}

/**
 * The timeout of one request: the user's "Timeout" option (seconds) on the node, else the call's,
 * else the vendor's, else DEFAULT_TIMEOUT_MS.
 */
export function requestTimeoutMs(ctx: RequestContext, api: VendorApi, request: ApiRequest): number {
	let userSeconds: unknown;
	try {
		userSeconds =
			'getInputData' in ctx
				? (ctx as IExecuteFunctions).getNodeParameter(
						'requestOptions.timeout',
						request.itemIndex ?? 0,
						0,
					)
				: (ctx as ILoadOptionsFunctions).getNodeParameter('requestOptions.timeout', 0);
	} catch {
		userSeconds = undefined; // a node without the option (e.g. the trigger)
	}
	const seconds = Number(userSeconds);
	if (Number.isFinite(seconds) && seconds > 0) return Math.round(seconds * 1000);
	return request.timeoutMs ?? api.timeoutMs ?? DEFAULT_TIMEOUT_MS;
}

/** Aborts an attempt after `timeoutMs`, or when the user cancels the execution. */
function attemptSignal(ctx: RequestContext, timeoutMs: number): AbortSignal {
	const timeout = AbortSignal.timeout(timeoutMs);
	const cancel =
		'getExecutionCancelSignal' in ctx && typeof ctx.getExecutionCancelSignal === 'function'
			? ctx.getExecutionCancelSignal()
			: undefined;
	return cancel ? AbortSignal.any([cancel, timeout]) : timeout;
}

function formatSeconds(ms: number): string {
	const seconds = ms / 1000;
	return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

/** Whether an absolute URL may carry the credential. */
function mayCarryCredential(url: string, target: Target): boolean {
	const origin = originOf(url);
	return origin !== undefined && target.origins.has(origin);
}

/**
 * The one request path of the package: authentication by n8n (`httpRequestWithAuthentication`,
 * which also refreshes expirable tokens once on a 401), retries with back-off on 429, 5xx and
 * network errors within a bounded total wait, pacing on `X-RateLimit-Remaining: 0`, a timeout on
 * every attempt, redirects followed only within the same origin, and errors and output that carry
 * the vendor's message but never a secret.
 *
 * A request is replayed after a 5xx, a broken connection or a timeout only when that cannot act
 * twice: an idempotent method, or a vendor dedupe key that stays the same across attempts.
 */
export async function apiRequestFull<T = unknown>(
	this: RequestContext,
	api: VendorApi,
	request: ApiRequest,
): Promise<ApiResponse<T>> {
	const policy: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...api.retry };
	const absolute = /^https?:\/\//i.test(request.path);
	const target = await resolveTarget(this, api);
	const path = fillPath(request.path, request.pathParams, target.pathParams);
	const headers: IDataObject = { ...(request.headers ?? {}) };
	if (request.dedupeHeader && headers[request.dedupeHeader] === undefined) {
		headers[request.dedupeHeader] = randomBytes(16).toString('hex');
	}
	const replaySafe =
		request.idempotent ??
		(IDEMPOTENT_METHODS.has(request.method) || request.dedupeHeader !== undefined);
	const timeoutMs = requestTimeoutMs(this, api, request);
	const operation = `${request.method} ${request.path.split('?')[0]}`;
	const firstUrl = absolute
		? path
		: (request.host === undefined ? target.baseUrl : target.hostUrl(request.host)) + path;
	let anonymous = false;
	if (absolute && !mayCarryCredential(firstUrl, target)) {
		if (request.crossOrigin !== 'withoutCredentials') {
			throw new NodeOperationError(
				this.getNode(),
				`${api.name}: the URL ${originOf(firstUrl) ?? firstUrl} is not on the credential's host, so the node does not send the credential there`,
				{ itemIndex: request.itemIndex, description: `Request: ${operation}. Nothing was sent.` },
			);
		}
		anonymous = true;
	}
	// Where the request goes now: redirects within the origin change these.
	let url = firstUrl;
	let method = request.method;
	let body = request.body;
	let qs = request.qs;
	const send = async (): Promise<{ body: T; statusCode: number; headers: HeaderBag }> => {
		const options: IHttpRequestOptions = {
			method,
			url,
			qs,
			headers: { ...headers },
			json: request.json ?? true,
			returnFullResponse: true,
			// Redirects are read here: n8n would follow them to any origin, credential included.
			disableFollowRedirect: true,
			// `timeout` bounds a silent socket, the signal the whole attempt (a slow trickle too).
			timeout: timeoutMs,
			abortSignal: attemptSignal(this, timeoutMs),
			...(request.encoding ? { encoding: request.encoding } : {}),
			...(request.arrayFormat ? { arrayFormat: request.arrayFormat } : {}),
			...(body !== undefined ? { body: body as IDataObject } : {}),
		};
		if (anonymous) {
			return (await this.helpers.httpRequest({ ...options, ignoreHttpStatusErrors: true })) as {
				body: T;
				statusCode: number;
				headers: HeaderBag;
			};
		}
		return (await this.helpers.httpRequestWithAuthentication.call(this, api.credentialType, {
			...options,
			ignoreHttpStatusErrors: !api.refreshTokenOn401,
		})) as { body: T; statusCode: number; headers: HeaderBag };
	};
	const secretsIn = (failure: FailedAttempt) =>
		failure.secrets.length
			? [...secretForms(failure.secrets), ...target.secretForms]
			: target.secretForms;

	let waitedMs = 0;
	let timeouts = 0;
	let redirects = 0;
	for (let attempt = 0; ; attempt++) {
		let failure: FailedAttempt | undefined;
		let response: { body: T; statusCode: number; headers: HeaderBag } | undefined;
		const startedAt = Date.now();
		try {
			response = await send();
		} catch (error) {
			failure = readFailure(error);
		}
		if (response && response.statusCode >= 300 && response.statusCode !== 304) {
			failure = {
				statusCode: response.statusCode,
				headers: response.headers,
				body: response.body,
				message: `HTTP ${response.statusCode}`,
				secrets: [],
			};
			response = undefined;
		}

		if (failure && isRedirect(failure.statusCode)) {
			const location = headerValue(failure.headers, 'location');
			const step = location
				? redirectStep(url, failure.statusCode as number, location, method)
				: undefined;
			const follow = step && (step.sameOrigin || anonymous) && redirects < MAX_REDIRECTS;
			if (step && follow) {
				redirects++;
				attempt--; // a redirect is not a retry
				url = step.url;
				method = step.method as typeof method;
				if (step.dropBody) body = undefined;
				qs = undefined; // the Location carries the full query
				continue;
			}
			throw apiError(this.getNode(), {
				vendor: api.name,
				httpCode: failure.statusCode,
				vendorMessage: !step
					? `${api.name} answered with a redirect (HTTP ${failure.statusCode}) the node cannot follow`
					: !step.sameOrigin
						? `${api.name} redirected the request to another origin (${originOf(step.url)}); the node does not follow it, so neither the credential nor the data went there`
						: `${api.name} redirected the request more than ${MAX_REDIRECTS} times`,
				description: `Request: ${operation}. If the API has moved, put its new URL into the credential.`,
				operation,
				itemIndex: request.itemIndex,
			});
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
					vendorMessage: redact(bodyError.message, target.secretForms),
					vendorCode: bodyError.code,
					operation,
					itemIndex: request.itemIndex,
				});
			}
			const pause = pacingDelayMs(response.headers, policy, Date.now());
			if (pause > 0) await sleep(pause);
			return {
				body: maskSecretsInBody(response.body, target.secretForms),
				statusCode: response.statusCode,
				headers: response.headers ?? {},
			};
		}
		const failed = failure as FailedAttempt;

		// No status and the whole timeout gone: the vendor did not answer in time.
		if (failed.statusCode === undefined && Date.now() - startedAt >= timeoutMs * 0.95) {
			timeouts++;
			if (replaySafe && timeouts <= TIMEOUT_MAX_RETRIES) continue;
			if (!replaySafe) {
				// The request may have reached the vendor and been carried out: say so, never "retry".
				throw unknownOutcomeError(this.getNode(), {
					vendor: api.name,
					cause: `no answer within ${formatSeconds(timeoutMs)}`,
					retries: attempt,
					operation,
					check: request.unknownOutcomeCheck,
					itemIndex: request.itemIndex,
				});
			}
			throw apiError(this.getNode(), {
				vendor: api.name,
				vendorMessage:
					`${api.name} did not answer within ${formatSeconds(timeoutMs)}` +
					(timeouts > 1 ? ` (${timeouts} attempts)` : ''),
				description: `Request: ${operation}. Raise "Timeout" under the node's Request Options if the vendor is just slow.`,
				operation,
				itemIndex: request.itemIndex,
			});
		}

		const throttled = failed.statusCode === 429;
		const maxRetries =
			failed.networkCode && NOT_SENT_CODES.has(failed.networkCode)
				? Math.min(policy.maxRetries, NOT_SENT_MAX_RETRIES)
				: throttled && policy.throttle
					? policy.throttle.maxRetries
					: policy.maxRetries;
		if (attempt < maxRetries && isRetryable(failed, replaySafe)) {
			const delay = retryDelayMs(
				attempt,
				failed.headers,
				policy,
				Date.now(),
				Math.random,
				throttled,
			);
			if (waitedMs + delay <= policy.maxTotalWaitMs) {
				waitedMs += delay;
				await sleep(delay);
				continue;
			}
		}

		const decoded = decodeBody(failed.body);
		const vendorMessage =
			api.errorMessage(decoded) ?? (typeof decoded === 'string' && decoded ? decoded : undefined);
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
			vendorMessage: text === undefined ? undefined : redact(text, secretsIn(failed)) || undefined,
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
