/**
 * Credential values in every form a node sends them, so that a vendor echoing one back (in an
 * error body or a response) cannot put it into an error, an output item or the stored execution.
 */

const MASK = '***';
/** Shorter values would mask ordinary words; no credential this package handles is that short. */
const MIN_SECRET_LENGTH = 4;

function base64(text: string): string {
	return Buffer.from(text, 'utf8').toString('base64');
}

/**
 * Every form of each secret that can travel: raw, base64 (with and without padding), base64url,
 * URL-encoded and JSON-escaped. Pass composite values as sent too, e.g. `user:password` for Basic.
 * Longest first, so a form that contains another is masked whole.
 */
export function secretForms(values: ReadonlyArray<string | undefined>): string[] {
	const forms = new Set<string>();
	for (const raw of values) {
		if (typeof raw !== 'string' || raw.trim().length < MIN_SECRET_LENGTH) continue;
		for (const value of new Set([raw, raw.trim()])) {
			const b64 = base64(value);
			for (const form of [
				value,
				b64,
				b64.replace(/=+$/, ''),
				b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
				encodeURIComponent(value),
				JSON.stringify(value).slice(1, -1),
			]) {
				if (form.length >= MIN_SECRET_LENGTH) forms.add(form);
			}
		}
	}
	return [...forms].sort((a, b) => b.length - a.length);
}

/** The text with every given form masked. */
export function maskSecrets(text: string, forms: readonly string[]): string {
	let out = text;
	for (const form of forms) if (out.includes(form)) out = out.split(form).join(MASK);
	return out;
}

function maskDeep(value: unknown, forms: readonly string[]): unknown {
	if (typeof value === 'string') return maskSecrets(value, forms);
	if (Array.isArray(value)) return value.map((entry) => maskDeep(entry, forms));
	if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
		const out: Record<string, unknown> = {};
		for (const [key, entry] of Object.entries(value))
			out[maskSecrets(key, forms)] = maskDeep(entry, forms);
		return out;
	}
	return value;
}

/**
 * A parsed response body with every secret form masked in its strings (and keys). The body is
 * returned unchanged (same object) when no secret occurs in it, which is the usual case.
 */
export function maskSecretsInBody<T>(body: T, forms: readonly string[]): T {
	if (forms.length === 0 || body === undefined || body === null) return body;
	if (Buffer.isBuffer(body) || body instanceof ArrayBuffer) return body;
	let text: string;
	try {
		text = typeof body === 'string' ? body : JSON.stringify(body);
	} catch {
		return body;
	}
	if (typeof text !== 'string' || !forms.some((form) => text.includes(form))) return body;
	return maskDeep(body, forms) as T;
}
