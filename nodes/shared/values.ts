import type { ICredentialDataDecryptedObject, IDataObject, INode } from 'n8n-workflow';

import { inputError } from './errors';

/** A JSON field that may hold an object already (from an expression) or JSON text. */
export function parseJsonObject(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	if (typeof value === 'object' && !Array.isArray(value)) {
		checkJsonText(node, value, field, itemIndex);
		return value as IDataObject;
	}
	if (typeof value === 'string') {
		let parsed: unknown;
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			throw inputError(node, `"${field}" is not valid JSON: ${(error as Error).message}`, {
				itemIndex,
				description: 'Enter a JSON object, e.g. {"plan": "gold"}',
			});
		}
		if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) {
			checkJsonText(node, parsed, field, itemIndex);
			return parsed as IDataObject;
		}
	}
	throw inputError(node, `"${field}" must be a JSON object`, {
		itemIndex,
		description: 'Enter a JSON object, e.g. {"plan": "gold"}',
	});
}

/** A JSON field that must hold an array (e.g. a list of template components). */
export function parseJsonArray(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): unknown[] {
	if (Array.isArray(value)) {
		checkJsonText(node, value, field, itemIndex);
		return value;
	}
	if (typeof value === 'string' && value.trim() !== '') {
		let parsed: unknown;
		try {
			parsed = JSON.parse(value);
		} catch (error) {
			throw inputError(node, `"${field}" is not valid JSON: ${(error as Error).message}`, {
				itemIndex,
			});
		}
		if (Array.isArray(parsed)) {
			checkJsonText(node, parsed, field, itemIndex);
			return parsed;
		}
	}
	throw inputError(node, `"${field}" must be a JSON array`, { itemIndex });
}

/** How a value that should have been text is described in an error: "an object", "a boolean", … */
export function describeValue(value: unknown): string {
	if (value === null) return 'null';
	if (Array.isArray(value)) return 'an array';
	if (value instanceof Date) return 'a date object';
	if (typeof value === 'object') return 'an object';
	if (typeof value === 'number')
		return Number.isNaN(value) ? 'NaN' : Number.isFinite(value) ? 'a number' : 'an infinite number';
	return `a ${typeof value}`;
}

/**
 * The first control character in a text: C0 controls and DEL; multi-line text may hold tabs and line
 * breaks (tab, line feed, carriage return). -1 when there is none; -2 when there is none but the text
 * holds UTF-16 surrogates (which then need the lone-surrogate check). One pass, no allocation.
 */
function firstControl(text: string, multiline: boolean): number {
	let surrogates = false;
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if (code < 0x20) {
			if (!(multiline && (code === 0x09 || code === 0x0a || code === 0x0d))) return code;
		} else if (code === 0x7f) return code;
		else if (code >= 0xd800 && code <= 0xdfff) surrogates = true;
	}
	return surrogates ? -2 : -1;
}
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Refuses text no vendor should receive: control characters (NUL, bell, …; in single-line
 * fields also tabs and line breaks), lone UTF-16 surrogates (not encodable as UTF-8), and the text
 * `[object Object]` that an object turned into a string leaves behind.
 */
function checkText(
	node: INode,
	text: string,
	field: string,
	itemIndex: number,
	multiline = false,
): string {
	const control = firstControl(text, multiline);
	if (control >= 0) {
		const code = control.toString(16).toUpperCase().padStart(4, '0');
		throw inputError(node, `"${field}" contains a control character (U+${code})`, {
			itemIndex,
			description: multiline
				? 'Remove NUL and other control characters; line breaks and tabs are allowed'
				: 'Remove control characters, tabs and line breaks from this value',
		});
	}
	if (control === -2 && LONE_SURROGATE.test(text)) {
		throw inputError(
			node,
			`"${field}" contains a broken character (a lone UTF-16 surrogate) that cannot be sent as UTF-8`,
			{
				itemIndex,
				description:
					'The text was cut in the middle of an emoji or other character; fix it at its source',
			},
		);
	}
	// A quick look for the bracket first: most text has none.
	if (text.indexOf('[object') !== -1 && text.includes('[object Object]')) {
		throw inputError(
			node,
			`"${field}" contains "[object Object]", an object that was turned into text`,
			{
				itemIndex,
				description:
					'Map a field of the object, e.g. {{ $json.message.text }}, or use JSON.stringify()',
			},
		);
	}
	return text;
}

/**
 * A text parameter: trimmed; numbers become their decimal text; objects, arrays, booleans, NaN
 * and Infinity are refused naming their type; control characters and broken characters are refused.
 * Empty (or whitespace only) is refused when `required`, else gives ''.
 */
export function readText(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
	options: { required?: boolean; multiline?: boolean; maxLength?: number } = {},
): string {
	let text: string;
	if (value === undefined || value === null || value === '') text = '';
	else if (typeof value === 'string') text = options.multiline ? value : value.trim();
	else if (typeof value === 'number' && Number.isFinite(value)) text = String(value);
	else {
		throw inputError(node, `"${field}" must be text, got ${describeValue(value)}`, {
			itemIndex,
			description: `Map a single text value into "${field}", e.g. {{ $json.id }}, not a whole object or list`,
		});
	}
	if (text.trim() === '') {
		if (options.required) {
			throw inputError(node, `"${field}" is required but empty`, {
				itemIndex,
				description: `Set "${field}", or map it from the input with an expression`,
			});
		}
		return '';
	}
	checkText(node, text, field, itemIndex, options.multiline);
	if (options.maxLength !== undefined && text.length > options.maxLength) {
		throw inputError(
			node,
			`"${field}" is longer than ${options.maxLength} characters (it has ${text.length})`,
			{ itemIndex },
		);
	}
	return text;
}

/** A required single-line text value (an ID, a name, a key). */
export function requireValue(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): string {
	return readText(node, value, field, itemIndex, { required: true });
}

/**
 * An ID that goes into a URL path: also refuses `.` and `..`, which URL normalisation would turn
 * into another path. Other characters are URL-encoded where the path is built.
 */
export function requirePathId(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): string {
	const id = requireValue(node, value, field, itemIndex);
	if (id === '.' || id === '..') {
		throw inputError(
			node,
			`"${field}" cannot be "${id}": in a URL it would address another resource`,
			{ itemIndex },
		);
	}
	return id;
}

const EMAIL = /^[^\s@",;<>()[\]\\]+@[^\s@",;<>()[\]\\.]+(\.[^\s@",;<>()[\]\\.]+)+$/;

/** An email address (one, without spaces or display name); surrounding spaces are trimmed. */
export function readEmail(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
	options: { trim?: boolean } = {},
): string {
	const text = readText(node, value, field, itemIndex, {
		required: true,
		multiline: options.trim === false,
	});
	if (!EMAIL.test(text)) {
		throw inputError(node, `"${field}" is not an email address: "${text.slice(0, 100)}"`, {
			itemIndex,
			description: 'Use one address such as name@example.com',
		});
	}
	return text;
}

/**
 * A whole number of at least 1 (Limit, Page Size). Numeric text such as "10" is read as the number;
 * 0, negatives, fractions, NaN, Infinity, booleans and other text are refused (n8n does not enforce
 * a number field's minimum when the value comes from an expression).
 */
export function readPositiveInteger(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
	options: { max?: number } = {},
): number {
	const n =
		typeof value === 'number'
			? value
			: typeof value === 'string' && /^\s*\d+\s*$/.test(value)
				? Number(value)
				: NaN;
	if (!Number.isInteger(n) || n < 1 || (options.max !== undefined && n > options.max)) {
		const got =
			typeof value === 'string'
				? `"${value.slice(0, 40)}"`
				: typeof value === 'number'
					? String(value)
					: describeValue(value);
		throw inputError(
			node,
			`"${field}" must be a whole number of at least 1${options.max !== undefined ? ` and at most ${options.max}` : ''}, got ${got}`,
			{
				itemIndex,
			},
		);
	}
	return n;
}

/** Refuses strings in a JSON value (keys and values, at any depth) that `checkText` refuses. */
export function checkJsonText(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
	depth = 0,
): void {
	if (typeof value === 'string') {
		checkText(node, value, field, itemIndex, true);
	} else if (Array.isArray(value)) {
		for (const entry of value) checkJsonText(node, entry, field, itemIndex, depth + 1);
	} else if (value && typeof value === 'object' && depth < 100) {
		for (const key in value) {
			if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
			checkText(node, key, field, itemIndex, true);
			checkJsonText(node, (value as Record<string, unknown>)[key], field, itemIndex, depth + 1);
		}
	}
}

/** Refuses a value whose JSON is larger than a vendor accepts in one call, naming the field. */
export function checkJsonSize(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
	maxBytes: number,
	limitText: string,
): void {
	const bytes = Buffer.byteLength(JSON.stringify(value) ?? '');
	if (bytes > maxBytes) {
		throw inputError(
			node,
			`"${field}" makes the request ${(bytes / 1024 / 1024).toFixed(1)} MB; ${limitText}`,
			{
				itemIndex,
				description: 'Shorten it, or send large content as a file or link instead',
			},
		);
	}
}

/** How a vendor wants a phone number written, for `parsePhone`'s checks and error. */
export interface PhoneForm {
	/** Whether the leading `+` must be there (E.164); by default it may be left out. */
	plusRequired?: boolean;
	/** Whether a leading international `00` counts as the `+`. */
	doubleZero?: boolean;
	/** Error text after the field name, e.g. `is not an E.164 phone number`. */
	problem?: string;
	/** What to enter instead, shown with the error. */
	hint?: string;
}

/**
 * The one phone parser: a phone number with its country code (at most 15 digits, E.164), as the
 * digits of country code and number. Spaces, dots, dashes and brackets that people type are
 * removed first; anything else is refused. Vendors format the digits (`+` or not).
 */
export function parsePhone(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
	form: PhoneForm = {},
): string {
	const raw = readText(node, value, field, itemIndex);
	let compact = raw.replace(/[\s.\-()]/g, '');
	if (form.doubleZero) compact = compact.replace(/^00/, '+');
	const hasPlus = compact.startsWith('+');
	const digits = hasPlus ? compact.slice(1) : compact;
	if ((form.plusRequired && !hasPlus) || !/^[1-9]\d{6,14}$/.test(digits)) {
		throw inputError(
			node,
			`"${field}" ${form.problem ?? 'is not a phone number with country code'}: "${raw}"`,
			{
				itemIndex,
				description:
					form.hint ??
					'Use the international format with the country code, e.g. +919876543210 or 919876543210',
			},
		);
	}
	return digits;
}

/** Phone numbers in E.164 (`+` country code and number, at most 15 digits). */
export function toE164(node: INode, value: unknown, field: string, itemIndex: number): string {
	const digits = parsePhone(node, value, field, itemIndex, {
		plusRequired: true,
		problem: 'is not an E.164 phone number',
		hint: 'Use the international format with a leading + and country code, e.g. +14155550123',
	});
	return `+${digits}`;
}

const pad = (n: number, width = 2) => String(Math.trunc(Math.abs(n))).padStart(width, '0');

const ISO_DATE =
	/^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,9}))?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;

export interface ParsedDate {
	/** Milliseconds since the epoch. */
	ms: number;
	/** The offset the text was written with (minutes east of UTC); undefined for epoch numbers and `Z`-less dates. */
	offsetMinutes?: number;
}

function dateError(node: INode, value: unknown, field: string, itemIndex: number, why: string) {
	const shown = typeof value === 'string' ? `"${value.slice(0, 60)}"` : describeValue(value);
	return inputError(node, `"${field}" is not a date: ${shown}`, {
		itemIndex,
		description: `${why[0].toUpperCase()}${why.slice(1)}. Use an ISO 8601 date such as 2026-05-01 or 2026-05-01T09:30:00+05:30, or a Unix timestamp`,
	});
}

/**
 * A date from an ISO 8601 text (date, or date and time, with an optional `Z` or ±hh:mm offset;
 * without one it is UTC), a Unix timestamp in seconds or milliseconds (number or digits), a Date,
 * or a Luxon DateTime (n8n's `$now`). Impossible dates (30 February, 24:61) are refused rather than
 * rolled over, and so are formats that can be read two ways (03/04/2026) or only in English words.
 */
export function parseDate(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): ParsedDate {
	if (value instanceof Date) {
		if (Number.isNaN(value.getTime()))
			throw dateError(node, value, field, itemIndex, 'an invalid Date');
		return { ms: value.getTime() };
	}
	if (
		value &&
		typeof value === 'object' &&
		typeof (value as { toISO?: unknown }).toISO === 'function'
	) {
		const iso = (value as { toISO: () => string | null }).toISO();
		if (iso) return parseDate(node, iso, field, itemIndex);
	}
	if (typeof value === 'number' || (typeof value === 'string' && /^\s*\d{9,13}\s*$/.test(value))) {
		const n = Number(value);
		if (!Number.isFinite(n) || n < 0)
			throw dateError(node, value, field, itemIndex, 'not a Unix timestamp');
		return { ms: n < 1e11 ? n * 1000 : n }; // seconds or milliseconds since the epoch
	}
	if (typeof value !== 'string' || value.trim() === '')
		throw dateError(node, value, field, itemIndex, 'expected a date');
	const m = ISO_DATE.exec(value.trim());
	if (!m) throw dateError(node, value, field, itemIndex, 'not ISO 8601 (yyyy-MM-dd)');
	const [year, month, day, hour, minute, second] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((x) =>
		Number(x ?? 0),
	);
	const fraction = m[7] ? Number(`0.${m[7]}`) * 1000 : 0;
	const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
	if (month < 1 || month > 12)
		throw dateError(node, value, field, itemIndex, `there is no month ${month}`);
	if (day < 1 || day > daysInMonth)
		throw dateError(node, value, field, itemIndex, `${year}-${pad(month)} has ${daysInMonth} days`);
	if (hour > 23 || minute > 59 || second > 59)
		throw dateError(node, value, field, itemIndex, 'no such time of day');
	let offsetMinutes: number | undefined;
	if (m[8] && m[8].toUpperCase() !== 'Z') {
		const o = /([+-])(\d{2}):?(\d{2})/.exec(m[8])!;
		if (Number(o[2]) > 14 || Number(o[3]) > 59)
			throw dateError(node, value, field, itemIndex, `no such UTC offset ${m[8]}`);
		offsetMinutes = (o[1] === '-' ? -1 : 1) * (Number(o[2]) * 60 + Number(o[3]));
	}
	const utc = Date.UTC(year, month - 1, day, hour, minute, second) + Math.round(fraction);
	return { ms: utc - (offsetMinutes ?? 0) * 60_000, offsetMinutes };
}

/**
 * A date as `yyyy-MM-ddTHH:mm:ss±hhmm` (WebEngage and others). Keeps the offset the user wrote;
 * dates without one, epoch numbers and Date objects are written in UTC (`+0000`).
 */
export function toOffsetDateTime(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): string {
	const { ms, offsetMinutes = 0 } = parseDate(node, value, field, itemIndex);
	const local = new Date(ms + offsetMinutes * 60_000);
	const sign = offsetMinutes < 0 ? '-' : '+';
	return (
		`${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
		`T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
		`${sign}${pad(Math.abs(offsetMinutes) / 60)}${pad(Math.abs(offsetMinutes) % 60)}`
	);
}

/** A date as ISO 8601 in UTC (`2026-05-01T04:00:00.000Z`). */
export function toIsoDate(node: INode, value: unknown, field: string, itemIndex: number): string {
	return new Date(parseDate(node, value, field, itemIndex).ms).toISOString();
}

/** A date as UTC milliseconds since the epoch. */
export function toEpochMilliseconds(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): number {
	return parseDate(node, value, field, itemIndex).ms;
}

/** `{ values: [{ key, value }] }` from a fixedCollection into a plain object. */
export function keyValuesToObject(collection: unknown, listName = 'values'): IDataObject {
	const entries =
		((collection as IDataObject)?.[listName] as Array<{ key?: string; value?: unknown }>) ?? [];
	const out: IDataObject = {};
	for (const { key, value } of entries) if (key) out[key] = value as IDataObject[keyof IDataObject];
	return out;
}

/** Drops undefined, null and empty-string fields, so unset options are not sent. */
export function compact<T extends IDataObject>(object: T): T {
	const out: IDataObject = {};
	for (const [key, value] of Object.entries(object)) {
		if (value !== undefined && value !== null && value !== '') out[key] = value;
	}
	return out as T;
}

export interface CredentialFieldRule {
	key: string;
	label: string;
	/** Refuse empty (or whitespace-only) values. */
	required?: boolean;
	/** Refuse any whitespace (keys, tokens and IDs never contain it; a pasted line break breaks the header). */
	noSpaces?: boolean;
	/** Refuse characters that would change a URL path: / ? # % \\ */
	pathSafe?: boolean;
	/** Refuse ":" (HTTP Basic authentication cannot carry it in a username). */
	noColon?: boolean;
}

/**
 * Checks credential fields before anything is sent, so a wrong paste gets an error naming the
 * field rather than a vendor's 401 or 404. The values themselves never appear in the message.
 */
export function checkCredentialFields(
	credentials: ICredentialDataDecryptedObject,
	credentialName: string,
	rules: CredentialFieldRule[],
): void {
	for (const rule of rules) {
		const raw = credentials[rule.key];
		const value = raw === undefined || raw === null ? '' : String(raw);
		const field = `The "${credentialName}" credential's "${rule.label}"`;
		if (value.trim() === '') {
			if (rule.required) throw new Error(`${field} is empty: enter it in the credential`);
			continue;
		}
		if (firstControl(value, false) >= 0)
			throw new Error(`${field} contains a line break or another control character`);
		if (rule.noSpaces && /\s/.test(value))
			throw new Error(`${field} contains spaces: check for a partial or padded paste`);
		if (rule.pathSafe && /[/?#%\\]/.test(value))
			throw new Error(`${field} contains "/", "?", "#", "%" or "\\", which it cannot hold`);
		if (rule.noColon && value.includes(':'))
			throw new Error(
				`${field} contains ":", which HTTP Basic authentication cannot carry in a username`,
			);
	}
}

/**
 * The value of a resource locator parameter: `{ __rl: true, mode, value }` from the editor, or a
 * plain string from a workflow saved before the field was a locator (or set by an expression).
 */
export function locatorValue(raw: unknown): unknown {
	if (raw && typeof raw === 'object' && !Array.isArray(raw) && 'value' in raw) {
		const locator = raw as { __rl?: unknown; mode?: unknown; value?: unknown };
		if (locator.__rl === true || typeof locator.mode === 'string') return locator.value;
	}
	return raw;
}
