import type { RetryPolicy } from '../../../nodes/shared/retry';
import {
	backoffDelayMs,
	headerValue,
	pacingDelayMs,
	parseRateLimitResetMs,
	parseRetryAfterMs,
	retryDelayMs,
} from '../../../nodes/shared/retry';

// A whole second, so HTTP dates (second resolution) convert exactly.
const NOW = Date.UTC(2026, 10, 21, 12, 0, 0);
const POLICY: RetryPolicy = {
	maxRetries: 6,
	baseDelayMs: 500,
	maxDelayMs: 30_000,
	maxTotalWaitMs: 120_000,
};
const noJitter = () => 0;
const fullJitter = () => 0.999999;

describe('headerValue', () => {
	it('finds a header whatever its case and takes the first of repeated values', () => {
		expect(headerValue({ 'Retry-After': '3' }, 'retry-after')).toBe('3');
		expect(headerValue({ 'x-ratelimit-reset': ['7', '9'] }, 'X-RateLimit-Reset')).toBe('7');
		expect(headerValue(undefined, 'retry-after')).toBeUndefined();
		expect(headerValue({ other: '1' }, 'retry-after')).toBeUndefined();
	});
});

describe('parseRetryAfterMs', () => {
	it('reads delta-seconds, including fractions', () => {
		expect(parseRetryAfterMs('5', NOW)).toBe(5000);
		expect(parseRetryAfterMs('0.5', NOW)).toBe(500);
		expect(parseRetryAfterMs('0', NOW)).toBe(0);
	});

	it('reads an HTTP date as the time left until it', () => {
		expect(parseRetryAfterMs(new Date(NOW + 12_000).toUTCString(), NOW)).toBe(12_000);
	});

	it('never returns a negative wait for a date in the past', () => {
		expect(parseRetryAfterMs(new Date(NOW - 60_000).toUTCString(), NOW)).toBe(0);
		expect(parseRetryAfterMs('-3', NOW)).toBe(0);
	});

	it('ignores empty and unreadable values', () => {
		expect(parseRetryAfterMs(undefined, NOW)).toBeUndefined();
		expect(parseRetryAfterMs('  ', NOW)).toBeUndefined();
		expect(parseRetryAfterMs('soon', NOW)).toBeUndefined();
	});
});

describe('parseRateLimitResetMs', () => {
	it('reads small numbers as seconds until the reset', () => {
		expect(parseRateLimitResetMs('30', NOW)).toBe(30_000);
		expect(parseRateLimitResetMs('0', NOW)).toBe(0);
	});

	it('reads a Unix epoch in seconds', () => {
		expect(parseRateLimitResetMs(String(NOW / 1000 + 42), NOW)).toBe(42_000);
	});

	it('reads a Unix epoch in milliseconds', () => {
		expect(parseRateLimitResetMs(String(NOW + 1234), NOW)).toBe(1234);
	});

	it('clamps an epoch already past to zero', () => {
		expect(parseRateLimitResetMs(String(NOW / 1000 - 10), NOW)).toBe(0);
		expect(parseRateLimitResetMs(String(NOW - 10), NOW)).toBe(0);
	});

	it('reads an HTTP date and ignores garbage', () => {
		expect(parseRateLimitResetMs(new Date(NOW + 8000).toUTCString(), NOW)).toBe(8000);
		expect(parseRateLimitResetMs('not a time', NOW)).toBeUndefined();
		expect(parseRateLimitResetMs('', NOW)).toBeUndefined();
		expect(parseRateLimitResetMs(undefined, NOW)).toBeUndefined();
	});
});

describe('backoffDelayMs', () => {
	it('doubles the step on every attempt', () => {
		expect([0, 1, 2, 3, 4].map((a) => backoffDelayMs(a, POLICY, fullJitter))).toEqual([
			500, 1000, 2000, 4000, 8000,
		]);
	});

	it('keeps the jitter within [step/2, step]', () => {
		for (let attempt = 0; attempt < 8; attempt++) {
			const step = Math.min(POLICY.maxDelayMs, POLICY.baseDelayMs * 2 ** attempt);
			expect(backoffDelayMs(attempt, POLICY, noJitter)).toBe(step / 2);
			expect(backoffDelayMs(attempt, POLICY, fullJitter)).toBe(step);
			for (let i = 0; i < 50; i++) {
				const delay = backoffDelayMs(attempt, POLICY, Math.random);
				expect(delay).toBeGreaterThanOrEqual(step / 2);
				expect(delay).toBeLessThanOrEqual(step);
			}
		}
	});

	it('never exceeds the longest single wait', () => {
		expect(backoffDelayMs(20, POLICY, fullJitter)).toBe(POLICY.maxDelayMs);
		expect(backoffDelayMs(20, { ...POLICY, maxDelayMs: 3000 }, fullJitter)).toBe(3000);
	});
});

describe('retryDelayMs', () => {
	it('waits what Retry-After asks, plus at most 250 ms of jitter', () => {
		expect(retryDelayMs(0, { 'Retry-After': '4' }, POLICY, NOW, noJitter)).toBe(4000);
		expect(retryDelayMs(0, { 'Retry-After': '4' }, POLICY, NOW, fullJitter)).toBe(4250);
	});

	it('honours an HTTP-date Retry-After', () => {
		expect(
			retryDelayMs(3, { 'retry-after': new Date(NOW + 6000).toUTCString() }, POLICY, NOW, noJitter),
		).toBe(6000);
	});

	it('prefers Retry-After over X-RateLimit-Reset', () => {
		const headers = { 'retry-after': '2', 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '20' };
		expect(retryDelayMs(0, headers, POLICY, NOW, noJitter)).toBe(2000);
	});

	it('uses X-RateLimit-Reset (delta, epoch seconds, epoch ms) only when the window is used up', () => {
		expect(
			retryDelayMs(
				0,
				{ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '7' },
				POLICY,
				NOW,
				noJitter,
			),
		).toBe(7000);
		expect(
			retryDelayMs(
				0,
				{ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 9) },
				POLICY,
				NOW,
				noJitter,
			),
		).toBe(9000);
		expect(
			retryDelayMs(
				0,
				{ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW + 1500) },
				POLICY,
				NOW,
				noJitter,
			),
		).toBe(1500);
		// Calls remain in the window: the reset time says nothing about this failure.
		expect(
			retryDelayMs(
				0,
				{ 'x-ratelimit-remaining': '3', 'x-ratelimit-reset': '7' },
				POLICY,
				NOW,
				noJitter,
			),
		).toBe(250);
	});

	it('falls back to exponential back-off when the vendor says nothing', () => {
		expect(retryDelayMs(0, undefined, POLICY, NOW, fullJitter)).toBe(500);
		expect(retryDelayMs(2, {}, POLICY, NOW, fullJitter)).toBe(2000);
	});

	it('caps a vendor-requested wait at the longest single wait', () => {
		expect(retryDelayMs(0, { 'retry-after': '3600' }, POLICY, NOW, noJitter)).toBe(
			POLICY.maxDelayMs,
		);
		expect(
			retryDelayMs(
				0,
				{ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '900' },
				POLICY,
				NOW,
				noJitter,
			),
		).toBe(POLICY.maxDelayMs);
	});
});

describe('pacingDelayMs', () => {
	it('does not wait while calls remain in the window', () => {
		expect(
			pacingDelayMs({ 'x-ratelimit-remaining': '12', 'x-ratelimit-reset': '30' }, POLICY, NOW),
		).toBe(0);
		expect(pacingDelayMs(undefined, POLICY, NOW)).toBe(0);
		expect(pacingDelayMs({}, POLICY, NOW)).toBe(0);
	});

	it('waits for the reset when the window is used up', () => {
		expect(
			pacingDelayMs({ 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '3' }, POLICY, NOW),
		).toBe(3000);
		expect(
			pacingDelayMs(
				{ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(NOW / 1000 + 2) },
				POLICY,
				NOW,
			),
		).toBe(2000);
	});

	it('does not wait when the reset is unknown, and caps a long one', () => {
		expect(pacingDelayMs({ 'x-ratelimit-remaining': '0' }, POLICY, NOW)).toBe(0);
		expect(
			pacingDelayMs({ 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '600' }, POLICY, NOW),
		).toBe(POLICY.maxDelayMs);
	});
});
