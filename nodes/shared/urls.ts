/**
 * Where requests may go: base URLs from credentials, the origins credentials may be sent to, and
 * redirects. Pure functions, no I/O.
 */

/**
 * A credential setting that cannot be used (a URL that is not http/https, an unknown region). It is
 * raised before any request is sent; the transport turns it into an error that names the field.
 */
export class CredentialSettingError extends Error {
	constructor(
		/** The credential field as users see it, e.g. "Base URL" or "Region". */
		readonly field: string,
		message: string,
	) {
		super(message);
		this.name = 'CredentialSettingError';
	}
}

/** Link-local hosts (169.254.0.0/16, fe80::/10): cloud metadata endpoints live there, vendors never do. */
export function isLinkLocalHost(hostname: string): boolean {
	const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
	if (/^169\.254\.\d{1,3}\.\d{1,3}$/.test(host)) return true;
	if (/^::ffff:169\.254\./.test(host) || /^::ffff:a9fe:/.test(host)) return true;
	return /^fe[89ab][0-9a-f]:/.test(host);
}

function parseUrl(text: string): URL | undefined {
	try {
		return new URL(text);
	} catch {
		return undefined;
	}
}

/**
 * Checks a base URL typed into a credential: it must be an absolute http:// or https:// URL and
 * must not point at a link-local address. Returns it without trailing slashes.
 */
export function checkBaseUrl(value: unknown, field: string): string {
	const text = String(value ?? '').trim();
	if (!text)
		throw new CredentialSettingError(
			field,
			`"${field}" is empty: enter the API's URL, e.g. https://api.example.com`,
		);
	const url = parseUrl(text);
	if (!url) throw new CredentialSettingError(field, `"${field}" is not a URL: "${text}"`);
	if (url.protocol !== 'http:' && url.protocol !== 'https:') {
		throw new CredentialSettingError(
			field,
			`"${field}" must start with https:// or http:// (got ${url.protocol}//…)`,
		);
	}
	if (url.username || url.password) {
		throw new CredentialSettingError(field, `"${field}" must not contain a user name or password`);
	}
	if (isLinkLocalHost(url.hostname)) {
		throw new CredentialSettingError(
			field,
			`"${field}" points at the link-local address ${url.hostname}, where no vendor API lives (cloud metadata services do): the node does not connect there`,
		);
	}
	return text.replace(/\/+$/, '');
}

/** A value from a fixed list, or an error naming the field and the allowed values. */
export function checkKnownValue<T extends string>(
	value: unknown,
	field: string,
	known: readonly T[],
): T {
	const text = String(value ?? '').trim();
	if ((known as readonly string[]).includes(text)) return text as T;
	throw new CredentialSettingError(
		field,
		`"${field}" is "${text}", which is not a known value (${known.join(', ')})`,
	);
}

/** `scheme://host:port` of a URL, or undefined when it does not parse. */
export function originOf(url: string): string | undefined {
	try {
		return new URL(url).origin;
	} catch {
		return undefined;
	}
}

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

export function isRedirect(statusCode: number | undefined): boolean {
	return statusCode !== undefined && REDIRECT_STATUSES.has(statusCode);
}

export interface RedirectStep {
	url: string;
	/** 303 (and 301/302 after a POST, as browsers and Node do) turn the request into a GET without body. */
	method: string;
	dropBody: boolean;
	sameOrigin: boolean;
}

/** Where a redirect leads, resolved against the URL that answered it. */
export function redirectStep(
	fromUrl: string,
	statusCode: number,
	location: string,
	method: string,
): RedirectStep | undefined {
	let target: URL | undefined;
	try {
		target = new URL(location, fromUrl);
	} catch {
		target = undefined;
	}
	if (!target) return undefined;
	const toGet =
		statusCode === 303
			? method !== 'HEAD'
			: (statusCode === 301 || statusCode === 302) && method === 'POST';
	return {
		url: target.toString(),
		method: toGet ? 'GET' : method,
		dropBody: toGet,
		sameOrigin: target.origin === originOf(fromUrl),
	};
}
