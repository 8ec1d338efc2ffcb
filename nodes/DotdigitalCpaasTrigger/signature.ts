import { createHmac, timingSafeEqual } from 'crypto';

/** The header dotdigital CPaaS signs every delivery with (read case-insensitively). */
export const SIGNATURE_HEADER = 'x-comapi-signature';

/** Lowercase hex HMAC-SHA1 of the raw body keyed with the webhook secret, as dotdigital computes it. */
export function computeSignature(secret: string, rawBody: Buffer | string): string {
	return createHmac('sha1', secret).update(rawBody).digest('hex');
}

/**
 * Whether a delivery carries the signature of its raw body under `secret`. Never throws: a missing
 * secret, body or header, or one of the wrong length, is simply invalid. The comparison takes the
 * same time wherever the first differing byte is.
 */
export function isValidSignature(
	secret: string | undefined,
	rawBody: Buffer | string | undefined,
	header: string | string[] | undefined,
): boolean {
	if (!secret || rawBody === undefined) return false;
	const actual = (Array.isArray(header) ? header[0] : header)?.trim().toLowerCase();
	if (!actual) return false;
	const expected = Buffer.from(computeSignature(secret, rawBody), 'utf8');
	const received = Buffer.from(actual, 'utf8');
	if (expected.length !== received.length) return false;
	return timingSafeEqual(expected, received);
}
