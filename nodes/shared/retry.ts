/**
 * Retry policy: pure functions, no I/O, so the back-off arithmetic can be unit-tested without a clock.
 */

export interface RetryPolicy {
	/** Attempts after the first one. */
	maxRetries: number;
	/** First back-off step; doubles on every further attempt. */
	baseDelayMs: number;
	/** Longest single wait, whatever a vendor header asks for. */
	maxDelayMs: number;
	/** Total time one request may spend waiting across all its retries. */
	maxTotalWaitMs: number;
	/**
	 * For a 429 that says nothing about when to come back: the longest step between attempts, and how
	 * many attempts. A fixed rate-limit window may reopen at any moment, and the exponential step would
	 * overshoot it by up to `maxDelayMs`; a 429 is never carried out, so probing at a short step is
	 * safe. Unset: 429s back off like any other failure.
	 */
	throttle?: { maxStepMs: number; maxRetries: number };
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
	maxRetries: 6,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
	maxTotalWaitMs: 120_000,
};

export type HeaderBag = Record<string, string | string[] | undefined>;

export function headerValue(headers: HeaderBag | undefined, name: string): string | undefined {
	if (!headers) return undefined;
	const wanted = name.toLowerCase();
	for (const [key, value] of Object.entries(headers)) {
		if (key.toLowerCase() === wanted) return Array.isArray(value) ? value[0] : value;
	}
	return undefined;
}

/** `Retry-After` is either delta-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfterMs(value: string | undefined, nowMs: number): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const seconds = Number(value);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(value);
	if (Number.isNaN(date)) return undefined;
	return Math.max(0, date - nowMs);
}

/**
 * `X-RateLimit-Reset` comes as seconds-until-reset from some vendors and as a Unix epoch (seconds or
 * milliseconds) from others; a value that lies past 2001 as an epoch is read as one.
 */
export function parseRateLimitResetMs(
	value: string | undefined,
	nowMs: number,
): number | undefined {
	if (value === undefined || value.trim() === '') return undefined;
	const n = Number(value);
	if (!Number.isFinite(n) || n < 0) {
		const date = Date.parse(value);
		return Number.isNaN(date) ? undefined : Math.max(0, date - nowMs);
	}
	if (n > 1e12) return Math.max(0, n - nowMs);
	if (n > 1e9) return Math.max(0, n * 1000 - nowMs);
	return n * 1000;
}

/** Exponential back-off with "full jitter": a random wait in [step/2, step]. */
export function backoffDelayMs(attempt: number, policy: RetryPolicy, random: () => number): number {
	const step = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** attempt);
	return Math.round(step / 2 + (random() * step) / 2);
}

/**
 * How long to wait before retrying a throttled or failed request: what the vendor asked for when
 * it said so (`Retry-After`, then `X-RateLimit-Reset`), else exponential back-off with jitter.
 */
export function retryDelayMs(
	attempt: number,
	headers: HeaderBag | undefined,
	policy: RetryPolicy,
	nowMs: number,
	random: () => number,
	throttled = false,
): number {
	const asked =
		parseRetryAfterMs(headerValue(headers, 'retry-after'), nowMs) ??
		(headerValue(headers, 'x-ratelimit-remaining') === '0'
			? parseRateLimitResetMs(headerValue(headers, 'x-ratelimit-reset'), nowMs)
			: undefined);
	if (asked !== undefined) return Math.min(policy.maxDelayMs, asked + Math.round(random() * 250));
	const step =
		throttled && policy.throttle
			? { ...policy, maxDelayMs: Math.min(policy.maxDelayMs, policy.throttle.maxStepMs) }
			: policy;
	return backoffDelayMs(attempt, step, random);
}

/**
 * When a successful response says the window is used up, wait for its reset before the next call
 * instead of walking into a 429.
 */
export function pacingDelayMs(
	headers: HeaderBag | undefined,
	policy: RetryPolicy,
	nowMs: number,
): number {
	if (headerValue(headers, 'x-ratelimit-remaining') !== '0') return 0;
	const reset = parseRateLimitResetMs(headerValue(headers, 'x-ratelimit-reset'), nowMs);
	return reset === undefined ? 0 : Math.min(policy.maxDelayMs, reset);
}
