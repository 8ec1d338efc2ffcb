import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

/** Appends n8n's `[item N]` marker once, so a message names the item it belongs to. */
export function withItemMarker(message: string, itemIndex: number | undefined): string {
	if (itemIndex === undefined || /\[item \d+\]$/.test(message)) return message;
	return `${message} [item ${itemIndex}]`;
}

const SECRET_PATTERNS: Array<[RegExp, (match: string) => string]> = [
	[/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]{6,}/gi, (match) => `${match.split(/\s+/)[0]} ***`],
	[/\beyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/g, () => '***'],
];

/**
 * Removes credential material from text that came back from a vendor or from the HTTP client:
 * the exact values that were sent as secrets, and anything shaped like an auth header or a JWT.
 */
export function redact(text: string, secrets: readonly string[] = []): string {
	let out = text;
	for (const secret of secrets) {
		if (secret && secret.length >= 4) out = out.split(secret).join('***');
	}
	for (const [pattern, mask] of SECRET_PATTERNS) out = out.replace(pattern, mask);
	return out;
}

export interface ApiErrorDetails {
	vendor: string;
	/** HTTP status, when the vendor answered. */
	httpCode?: number;
	/** The vendor's own words (already redacted). */
	vendorMessage?: string;
	/** The vendor's application code (e.g. Engati `status.code`). */
	vendorCode?: string | number;
	/** Retries made before giving up. */
	retries?: number;
	/** What was being done, e.g. "POST /v1/accounts/…/bulk-users". */
	operation?: string;
	description?: string;
	itemIndex?: number;
}

const STATUS_HINTS: Record<number, string> = {
	400: 'The vendor refused the request as invalid: check the fields named in the message.',
	401: 'Check the credential: the key or secret is wrong, revoked or lacks permission.',
	403: 'The credential is valid but not allowed to do this.',
	404: 'Check the IDs and the region / data center / base URL in the credential.',
	409: 'The resource is in a state that does not allow this.',
	412: 'A precondition of the vendor was not met.',
	429: 'The vendor kept rate-limiting after the node waited and retried; lower the volume or spread the run out.',
};

/**
 * A NodeApiError built from plain, already-redacted data: never from the HTTP client's error object,
 * whose request config carries the Authorization header.
 */
export function apiError(node: INode, details: ApiErrorDetails): NodeApiError {
	const retries = details.retries
		? ` after ${details.retries} ${details.retries === 1 ? 'retry' : 'retries'}`
		: '';
	const status = (details.httpCode !== undefined ? ` (HTTP ${details.httpCode})` : '') + retries;
	const code = details.vendorCode !== undefined ? ` [code ${details.vendorCode}]` : '';
	const said = details.vendorMessage ? `: ${details.vendorMessage}` : '';
	// A message that already names the vendor (e.g. from a token exchange) is not prefixed again.
	const text = details.vendorMessage?.startsWith(details.vendor)
		? `${details.vendorMessage}${status}${code}`
		: `${details.vendor} returned an error${status}${code}${said}`;
	const message = withItemMarker(text, details.itemIndex);
	const description =
		details.description ??
		(details.httpCode !== undefined ? STATUS_HINTS[details.httpCode] : undefined) ??
		(details.operation ? `Request: ${details.operation}` : undefined);
	return nodeApiError(node, { ...details, message, description });
}

/**
 * A NodeApiError built from redacted text only, with the message kept as given: n8n swaps a
 * message that mentions a network code (ECONNRESET…) for generic text.
 */
function nodeApiError(
	node: INode,
	details: {
		message: string;
		description?: string;
		httpCode?: unknown;
		vendorCode?: unknown;
		itemIndex?: number;
	},
): NodeApiError {
	const { message, description } = details;
	const payload: JsonObject = {
		message,
		...(description ? { description } : {}),
		...(details.httpCode !== undefined ? { httpCode: String(details.httpCode) } : {}),
		...(details.vendorCode !== undefined ? { vendorCode: String(details.vendorCode) } : {}),
	};
	const error = new NodeApiError(node, payload, {
		message,
		description,
		httpCode: details.httpCode !== undefined ? String(details.httpCode) : undefined,
		itemIndex: details.itemIndex,
	});
	error.message = message;
	return error;
}

/**
 * The status an item gets when its request may or may not have been carried out: the vendor may
 * have accepted it (the connection broke, or the answer was a 5xx or not the expected body, after
 * the request reached the vendor). Error items carry it as `outcome`; see docs/reliability.md.
 */
export const UNKNOWN_OUTCOME = 'unknown';

export interface UnknownOutcomeDetails {
	vendor: string;
	/** What went wrong, e.g. "the connection was reset (ECONNRESET)" or "HTTP 500". */
	cause: string;
	httpCode?: number;
	retries?: number;
	operation?: string;
	/** How to find out whether the vendor acted, e.g. a status lookup or a webhook to watch. */
	check?: string;
	itemIndex?: number;
}

/**
 * An error for a request whose outcome is unknown: never n8n's generic "retry immediately" text,
 * but a distinct message saying the vendor may have accepted it and that it must not be re-sent
 * blindly. The error (and its error item) carries `outcome: 'unknown'`.
 */
export function unknownOutcomeError(node: INode, details: UnknownOutcomeDetails): NodeApiError {
	const retries = details.retries
		? ` after ${details.retries} ${details.retries === 1 ? 'retry' : 'retries'}`
		: '';
	const message = withItemMarker(
		`Outcome unknown: ${details.vendor} may have accepted this request (${details.cause}${retries})`,
		details.itemIndex,
	);
	const description =
		`The request reached ${details.vendor}, but the answer was lost or not the expected one, so it may or may ` +
		'not have been carried out. Do not re-send it blindly: that can deliver it twice.' +
		(details.check ? ` Check first: ${details.check}.` : '') +
		(details.operation ? ` Request: ${details.operation}` : '');
	const error = nodeApiError(node, {
		message,
		description,
		httpCode: details.httpCode,
		itemIndex: details.itemIndex,
	});
	error.description = description;
	(error as ErrorWithContext).outcome = UNKNOWN_OUTCOME;
	return error;
}

/** Whether an error reports an unknown outcome (see `unknownOutcomeError`). */
export function isUnknownOutcome(error: unknown): boolean {
	return (error as ErrorWithContext | undefined)?.outcome === UNKNOWN_OUTCOME;
}

/** Bad input: the message names the field and the item, the description says how to fix it. */
export function inputError(
	node: INode,
	message: string,
	options: { itemIndex?: number; description?: string } = {},
): NodeOperationError {
	return new NodeOperationError(node, withItemMarker(message, options.itemIndex), {
		itemIndex: options.itemIndex,
		description: options.description,
	});
}

type ErrorWithContext = Error & {
	context?: { itemIndex?: number };
	description?: string | null;
	httpCode?: string | null;
	outcome?: string;
};

/**
 * Attributes an error to an item: n8n errors keep their type and gain the item index and marker;
 * anything else becomes a NodeOperationError with the same (redacted) message.
 */
export function attachItem(node: INode, error: unknown, itemIndex: number): Error {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) {
		const e = error as ErrorWithContext;
		e.context = { ...(e.context ?? {}), itemIndex };
		e.message = withItemMarker(e.message, itemIndex);
		return e;
	}
	const message = error instanceof Error ? error.message : String(error);
	return new NodeOperationError(node, withItemMarker(redact(message), itemIndex), { itemIndex });
}

/** The JSON of an error item under continue-on-fail. */
export function errorItemJson(error: unknown): JsonObject {
	const e = error as ErrorWithContext;
	const json: JsonObject = { error: e?.message ?? String(error) };
	if (e?.description) json.description = e.description;
	if (e?.httpCode) json.httpCode = e.httpCode;
	if (e?.outcome) json.outcome = e.outcome;
	return json;
}

/**
 * A copy of an error for one of the items a failed call served, so item markers do not pile up on
 * one shared object: the copy drops the call's ` [item N]` marker (each copy names its own item),
 * gets its own `context`, and `suffix` (e.g. which items shared the call) is appended.
 */
export function cloneError(error: unknown, suffix = ''): Error {
	const source = error instanceof Error ? error : new Error(String(error));
	const copy = Object.create(Object.getPrototypeOf(source) as object) as Error;
	Object.assign(copy, source);
	copy.message = `${source.message.replace(/ \[item \d+\]$/, '')}${suffix}`;
	(copy as { context?: object }).context = { ...((source as { context?: object }).context ?? {}) };
	return copy;
}
