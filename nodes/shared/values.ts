import type { IDataObject, INode } from 'n8n-workflow';

import { inputError } from './errors';

/** A JSON field that may hold an object already (from an expression) or JSON text. */
export function parseJsonObject(node: INode, value: unknown, field: string, itemIndex: number): IDataObject {
	if (value === undefined || value === null || value === '') return {};
	if (typeof value === 'object' && !Array.isArray(value)) return value as IDataObject;
	if (typeof value === 'string') {
		try {
			const parsed = JSON.parse(value);
			if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as IDataObject;
		} catch (error) {
			throw inputError(node, `"${field}" is not valid JSON: ${(error as Error).message}`, {
				itemIndex,
				description: 'Enter a JSON object, e.g. {"plan": "gold"}',
			});
		}
	}
	throw inputError(node, `"${field}" must be a JSON object`, {
		itemIndex,
		description: 'Enter a JSON object, e.g. {"plan": "gold"}',
	});
}

/** A JSON field that must hold an array (e.g. a list of template components). */
export function parseJsonArray(node: INode, value: unknown, field: string, itemIndex: number): unknown[] {
	if (Array.isArray(value)) return value;
	if (typeof value === 'string' && value.trim() !== '') {
		try {
			const parsed = JSON.parse(value);
			if (Array.isArray(parsed)) return parsed;
		} catch (error) {
			throw inputError(node, `"${field}" is not valid JSON: ${(error as Error).message}`, { itemIndex });
		}
	}
	throw inputError(node, `"${field}" must be a JSON array`, { itemIndex });
}

export function requireValue(node: INode, value: unknown, field: string, itemIndex: number): string {
	const text = value === undefined || value === null ? '' : String(value).trim();
	if (text === '') {
		throw inputError(node, `"${field}" is required but empty`, {
			itemIndex,
			description: `Set "${field}", or map it from the input with an expression`,
		});
	}
	return text;
}

const E164 = /^\+[1-9]\d{6,14}$/;

/**
 * Phone numbers in E.164 (`+` country code and number, at most 15 digits). Spaces, dots, dashes
 * and brackets that people type are removed first; anything else is refused.
 */
export function toE164(node: INode, value: unknown, field: string, itemIndex: number): string {
	const raw = String(value ?? '').trim();
	const compact = raw.replace(/[\s.\-()]/g, '');
	if (!E164.test(compact)) {
		throw inputError(node, `"${field}" is not an E.164 phone number: "${raw}"`, {
			itemIndex,
			description: 'Use the international format with a leading + and country code, e.g. +14155550123',
		});
	}
	return compact;
}

const pad = (n: number, width = 2) => String(Math.trunc(Math.abs(n))).padStart(width, '0');

/**
 * A date as `yyyy-MM-ddTHH:mm:ss±hhmm` (WebEngage and others). Keeps the offset the user wrote;
 * dates without one, epoch numbers and Date objects are written in UTC (`+0000`).
 */
export function toOffsetDateTime(node: INode, value: unknown, field: string, itemIndex: number): string {
	let date: Date;
	let offsetMinutes = 0;
	if (value instanceof Date) {
		date = value;
	} else if (typeof value === 'number' || (typeof value === 'string' && /^\d{9,13}$/.test(value.trim()))) {
		const n = Number(value);
		date = new Date(n < 1e11 ? n * 1000 : n); // seconds or milliseconds since the epoch
	} else if (typeof value === 'string' && value.trim() !== '') {
		const text = value.trim();
		const offset = /([+-])(\d{2}):?(\d{2})$/.exec(text);
		if (offset && /T|\s/.test(text)) {
			offsetMinutes = (offset[1] === '-' ? -1 : 1) * (Number(offset[2]) * 60 + Number(offset[3]));
		}
		const normalised = text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2').replace(' ', 'T');
		date = new Date(/^\d{4}-\d{2}-\d{2}$/.test(normalised) ? `${normalised}T00:00:00Z` : normalised);
	} else {
		date = new Date(NaN);
	}
	if (Number.isNaN(date.getTime())) {
		throw inputError(node, `"${field}" is not a date: "${String(value)}"`, {
			itemIndex,
			description: 'Use an ISO 8601 date such as 2026-05-01T09:30:00+05:30, or a Unix timestamp',
		});
	}
	const local = new Date(date.getTime() + offsetMinutes * 60_000);
	const sign = offsetMinutes < 0 ? '-' : '+';
	return (
		`${local.getUTCFullYear()}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}` +
		`T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}` +
		`${sign}${pad(Math.abs(offsetMinutes) / 60)}${pad(Math.abs(offsetMinutes) % 60)}`
	);
}

/** A date as ISO 8601 in UTC (`2026-05-01T04:00:00.000Z`). */
export function toIsoDate(node: INode, value: unknown, field: string, itemIndex: number): string {
	const date = value instanceof Date ? value : new Date(typeof value === 'number' ? value : String(value ?? ''));
	if (Number.isNaN(date.getTime())) {
		throw inputError(node, `"${field}" is not a date: "${String(value)}"`, {
			itemIndex,
			description: 'Use an ISO 8601 date such as 2026-05-01T09:30:00Z',
		});
	}
	return date.toISOString();
}

/** `{ values: [{ key, value }] }` from a fixedCollection into a plain object. */
export function keyValuesToObject(collection: unknown, listName = 'values'): IDataObject {
	const entries = ((collection as IDataObject)?.[listName] as Array<{ key?: string; value?: unknown }>) ?? [];
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
