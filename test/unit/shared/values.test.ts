import { NodeOperationError } from 'n8n-workflow';

import {
	compact,
	keyValuesToObject,
	parseJsonArray,
	parseJsonObject,
	requireValue,
	toE164,
	toIsoDate,
	toOffsetDateTime,
} from '../../../nodes/shared/values';
import { NODE } from './mock-context';

function thrown(fn: () => unknown): NodeOperationError {
	try {
		fn();
	} catch (error) {
		return error as NodeOperationError;
	}
	throw new Error('expected an error');
}

describe('toE164', () => {
	it('accepts E.164 numbers, removing what people type between digits', () => {
		expect(toE164(NODE, '+14155550123', 'Phone', 0)).toBe('+14155550123');
		expect(toE164(NODE, ' +44 (20) 7946-0958 ', 'Phone', 0)).toBe('+442079460958');
		expect(toE164(NODE, '+91.98765.43210', 'Phone', 0)).toBe('+919876543210');
	});

	it.each(['4155550123', '+0123456789', '+1234', '+1234567890123456', '+44 20 ABC', '', undefined])(
		'refuses %p naming the field and the item',
		(value) => {
			const error = thrown(() => toE164(NODE, value, 'Phone', 3));
			expect(error).toBeInstanceOf(NodeOperationError);
			expect(error.message).toBe(
				`"Phone" is not an E.164 phone number: "${String(value ?? '').trim()}" [item 3]`,
			);
			expect(error.description).toMatch(/leading \+/);
			expect(error.context.itemIndex).toBe(3);
		},
	);
});

describe('toOffsetDateTime', () => {
	const f = (value: unknown) => toOffsetDateTime(NODE, value, 'Birth Date', 0);

	it('keeps the offset the user wrote', () => {
		expect(f('2026-05-01T09:30:00+05:30')).toBe('2026-05-01T09:30:00+0530');
		expect(f('2026-05-01T09:30:00+0530')).toBe('2026-05-01T09:30:00+0530');
		expect(f('2026-05-01T09:30:00-04:00')).toBe('2026-05-01T09:30:00-0400');
		expect(f('2026-12-31 23:15:00+03:00')).toBe('2026-12-31T23:15:00+0300');
	});

	it('writes UTC for Z and for dates without an offset', () => {
		expect(f('2026-05-01T09:30:00Z')).toBe('2026-05-01T09:30:00+0000');
		expect(f('2026-05-01')).toBe('2026-05-01T00:00:00+0000');
		expect(f(new Date(Date.UTC(2026, 0, 2, 3, 4, 5)))).toBe('2026-01-02T03:04:05+0000');
	});

	it('reads epoch seconds and epoch milliseconds', () => {
		const ms = Date.UTC(2026, 4, 1, 9, 30, 0);
		expect(f(ms / 1000)).toBe('2026-05-01T09:30:00+0000');
		expect(f(ms)).toBe('2026-05-01T09:30:00+0000');
		expect(f(String(ms / 1000))).toBe('2026-05-01T09:30:00+0000');
		expect(f(String(ms))).toBe('2026-05-01T09:30:00+0000');
	});

	it.each(['yesterday', '', null, {}, '2026-13-45'])('refuses %p naming the field', (value) => {
		const error = thrown(() => toOffsetDateTime(NODE, value, 'Birth Date', 2));
		expect(error.message).toMatch(/^"Birth Date" is not a date: (".*"|null|an object) \[item 2\]$/);
		expect(error.description).toMatch(/ISO 8601/);
	});
});

describe('toIsoDate', () => {
	it('converts to ISO 8601 in UTC', () => {
		expect(toIsoDate(NODE, '2026-05-01T09:30:00+05:30', 'Send At', 0)).toBe(
			'2026-05-01T04:00:00.000Z',
		);
		expect(toIsoDate(NODE, Date.UTC(2026, 4, 1), 'Send At', 0)).toBe('2026-05-01T00:00:00.000Z');
		expect(toIsoDate(NODE, new Date(Date.UTC(2026, 4, 1)), 'Send At', 0)).toBe(
			'2026-05-01T00:00:00.000Z',
		);
	});

	it('refuses what is not a date', () => {
		expect(thrown(() => toIsoDate(NODE, 'soon', 'Send At', 1)).message).toBe(
			'"Send At" is not a date: "soon" [item 1]',
		);
	});
});

describe('parseJsonObject', () => {
	it('takes an object as is, parses JSON text, and treats empty as {}', () => {
		expect(parseJsonObject(NODE, { a: 1 }, 'Attributes', 0)).toEqual({ a: 1 });
		expect(parseJsonObject(NODE, '{"plan":"gold"}', 'Attributes', 0)).toEqual({ plan: 'gold' });
		expect(parseJsonObject(NODE, '', 'Attributes', 0)).toEqual({});
		expect(parseJsonObject(NODE, undefined, 'Attributes', 0)).toEqual({});
	});

	it('names the field and the item when the JSON does not parse', () => {
		const error = thrown(() => parseJsonObject(NODE, '{"plan": gold}', 'Attributes', 4));
		expect(error.message).toMatch(/^"Attributes" is not valid JSON: .+ \[item 4\]$/);
		expect(error.context.itemIndex).toBe(4);
	});

	it.each(['[1,2]', '"text"', '42', [1], 7])('refuses %p as not an object', (value) => {
		expect(thrown(() => parseJsonObject(NODE, value, 'Attributes', 0)).message).toBe(
			'"Attributes" must be a JSON object [item 0]',
		);
	});
});

describe('parseJsonArray', () => {
	it('takes an array as is and parses JSON text', () => {
		expect(parseJsonArray(NODE, [1], 'Components', 0)).toEqual([1]);
		expect(parseJsonArray(NODE, '[{"a":1}]', 'Components', 0)).toEqual([{ a: 1 }]);
	});

	it('names the field on bad JSON and on a non-array', () => {
		expect(thrown(() => parseJsonArray(NODE, '[1,', 'Components', 1)).message).toMatch(
			/^"Components" is not valid JSON: .+ \[item 1\]$/,
		);
		expect(thrown(() => parseJsonArray(NODE, '{"a":1}', 'Components', 1)).message).toBe(
			'"Components" must be a JSON array [item 1]',
		);
		expect(thrown(() => parseJsonArray(NODE, '', 'Components', 1)).message).toBe(
			'"Components" must be a JSON array [item 1]',
		);
	});
});

describe('requireValue', () => {
	it('returns the trimmed text', () => {
		expect(requireValue(NODE, '  u-1 ', 'User ID', 0)).toBe('u-1');
		expect(requireValue(NODE, 42, 'User ID', 0)).toBe('42');
	});

	it.each(['', '   ', null, undefined])('refuses %p naming the field', (value) => {
		const error = thrown(() => requireValue(NODE, value, 'User ID', 6));
		expect(error.message).toBe('"User ID" is required but empty [item 6]');
		expect(error.description).toMatch(/User ID/);
	});
});

describe('keyValuesToObject and compact', () => {
	it('turns a fixedCollection into an object, skipping empty keys', () => {
		expect(
			keyValuesToObject({
				values: [
					{ key: 'a', value: 1 },
					{ key: '', value: 2 },
					{ key: 'b', value: 'x' },
				],
			}),
		).toEqual({ a: 1, b: 'x' });
		expect(keyValuesToObject({ pairs: [{ key: 'k', value: true }] }, 'pairs')).toEqual({ k: true });
		expect(keyValuesToObject(undefined)).toEqual({});
	});

	it('drops undefined, null and empty strings, keeping false and 0', () => {
		expect(compact({ a: undefined, b: null, c: '', d: 0, e: false, f: 'x' })).toEqual({
			d: 0,
			e: false,
			f: 'x',
		});
	});
});
