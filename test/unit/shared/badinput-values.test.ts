/** The value readers behind the bad-input suite (issue 9): each refusal names the field and the item. */
import type { NodeOperationError } from 'n8n-workflow';

import {
	checkCredentialFields,
	checkJsonSize,
	describeValue,
	parseDate,
	parseJsonArray,
	parseJsonObject,
	readEmail,
	readPositiveInteger,
	readText,
	requirePathId,
	requireValue,
	toEpochMilliseconds,
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

const LONE = `ab${String.fromCharCode(0xd800)}cd`;

describe('readText', () => {
	it.each([
		[{ a: 1 }, 'an object'],
		[['a'], 'an array'],
		[true, 'a boolean'],
		[NaN, 'NaN'],
		[Infinity, 'an infinite number'],
		[new Date(0), 'a date object'],
	])('refuses %p naming its type', (value, type) => {
		expect(thrown(() => readText(NODE, value, 'User ID', 3)).message).toBe(
			`"User ID" must be text, got ${type} [item 3]`,
		);
	});

	it('refuses control characters, and in single-line fields tabs and line breaks', () => {
		expect(thrown(() => readText(NODE, 'a\u0000b', 'User ID', 1)).message).toBe(
			'"User ID" contains a control character (U+0000) [item 1]',
		);
		expect(thrown(() => readText(NODE, 'a\nb', 'User ID', 1)).message).toMatch(
			/control character \(U\+000A\)/,
		);
		expect(
			thrown(() => readText(NODE, 'a\u007fb', 'Body', 1, { multiline: true })).message,
		).toMatch(/U\+007F/);
		expect(readText(NODE, 'Line 1\n\tLine 2\r\n', 'Body', 1, { multiline: true })).toBe(
			'Line 1\n\tLine 2\r\n',
		);
	});

	it('refuses lone surrogates but keeps emoji', () => {
		expect(thrown(() => readText(NODE, LONE, 'Body', 2, { multiline: true })).message).toMatch(
			/^"Body" contains a broken character \(a lone UTF-16 surrogate\).*\[item 2\]$/,
		);
		expect(thrown(() => readText(NODE, String.fromCharCode(0xdc00), 'Body', 2)).message).toMatch(
			/lone UTF-16 surrogate/,
		);
		expect(readText(NODE, 'Hi 😀', 'Body', 0)).toBe('Hi 😀');
	});

	it('refuses the text an object leaves when turned into a string', () => {
		expect(
			thrown(() => readText(NODE, 'Hello [object Object]', 'Body', 0, { multiline: true })).message,
		).toMatch(/"Body" contains "\[object Object\]"/);
	});

	it('trims single-line text, turns finite numbers into text, and checks length', () => {
		expect(readText(NODE, '  abc  ', 'User ID', 0)).toBe('abc');
		expect(readText(NODE, 12345, 'User ID', 0)).toBe('12345');
		expect(readText(NODE, undefined, 'User ID', 0)).toBe('');
		expect(readText(NODE, '   ', 'User ID', 0)).toBe('');
		expect(
			thrown(() => readText(NODE, 'x'.repeat(101), 'User ID', 4, { maxLength: 100 })).message,
		).toBe('"User ID" is longer than 100 characters (it has 101) [item 4]');
	});

	it('requireValue refuses empty and whitespace-only values', () => {
		expect(thrown(() => requireValue(NODE, '  \t ', 'Flow Key', 5)).message).toBe(
			'"Flow Key" is required but empty [item 5]',
		);
		expect(thrown(() => requireValue(NODE, null, 'Flow Key', 5)).message).toBe(
			'"Flow Key" is required but empty [item 5]',
		);
	});

	it('requirePathId refuses . and .., which would address another resource', () => {
		expect(thrown(() => requirePathId(NODE, '..', 'Profile ID', 0)).message).toMatch(
			/^"Profile ID" cannot be "\.\."/,
		);
		expect(thrown(() => requirePathId(NODE, '.', 'Profile ID', 0)).message).toMatch(
			/^"Profile ID" cannot be "\."/,
		);
		expect(requirePathId(NODE, 'a/b', 'Profile ID', 0)).toBe('a/b'); // encoded where the path is built
	});

	it('describes values by type', () => {
		expect(describeValue(null)).toBe('null');
		expect(describeValue(5)).toBe('a number');
		expect(describeValue('x')).toBe('a string');
	});
});

describe('readEmail', () => {
	it.each([
		'not-an-email',
		'a@b',
		'a b@example.com',
		'a@@example.com',
		'a@example.com.',
		'a@example..com',
		'Ann <a@example.com>',
		'a@example.com,b@example.com',
	])('refuses %p', (value) => {
		expect(thrown(() => readEmail(NODE, value, 'Email', 7)).message).toMatch(
			/^"Email" is not an email address: .* \[item 7\]$/,
		);
	});

	it('accepts addresses, trimming unless told not to', () => {
		expect(readEmail(NODE, ' Ann.Lee+tag@mail.example.co.uk ', 'Email', 0)).toBe(
			'Ann.Lee+tag@mail.example.co.uk',
		);
		expect(
			thrown(() => readEmail(NODE, ' a@example.com', 'email', 0, { trim: false })).message,
		).toMatch(/not an email address/);
		expect(thrown(() => readEmail(NODE, { a: 1 }, 'Email', 0)).message).toMatch(
			/must be text, got an object/,
		);
	});
});

describe('readPositiveInteger', () => {
	it.each([0, -5, 1.5, NaN, Infinity, 'ten', '', '1.5', true, null, { a: 1 }])(
		'refuses %p',
		(value) => {
			expect(thrown(() => readPositiveInteger(NODE, value, 'Limit', 2)).message).toMatch(
				/^"Limit" must be a whole number of at least 1, got .* \[item 2\]$/,
			);
		},
	);

	it('accepts whole numbers and numeric text, within a maximum', () => {
		expect(readPositiveInteger(NODE, 5, 'Limit', 0)).toBe(5);
		expect(readPositiveInteger(NODE, ' 10 ', 'Limit', 0)).toBe(10);
		expect(
			thrown(() => readPositiveInteger(NODE, 1001, 'Page Size', 0, { max: 1000 })).message,
		).toMatch(/at most 1000, got 1001/);
	});
});

describe('parseDate and the date writers', () => {
	it.each([
		['2026-02-30', '2026-02 has 28 days'],
		['2025-02-29', '2025-02 has 28 days'],
		['2026-04-31', '2026-04 has 30 days'],
		['2026-13-01', 'there is no month 13'],
		['2026-05-01T24:00:00Z', 'no such time of day'],
		['2026-05-01T10:61:00Z', 'no such time of day'],
		['2026-05-01T10:00:60Z', 'no such time of day'],
		['2026-05-01T09:30:00+25:00', 'no such UTC offset'],
		['03/04/2026', 'not ISO 8601'],
		['1 May 2026', 'not ISO 8601'],
		['tomorrow', 'not ISO 8601'],
	])('refuses %p rather than rolling it over (%s)', (value, why) => {
		const error = thrown(() => toOffsetDateTime(NODE, value, 'Birth Date', 3));
		expect(error.message).toBe(`"Birth Date" is not a date: "${value}" [item 3]`);
		expect(error.description).toContain(why[0].toUpperCase() + why.slice(1));
	});

	it('refuses objects, NaN and negative timestamps', () => {
		expect(thrown(() => toIsoDate(NODE, { a: 1 }, 'Expires On', 0)).message).toBe(
			'"Expires On" is not a date: an object [item 0]',
		);
		expect(thrown(() => toIsoDate(NODE, NaN, 'Expires On', 0)).message).toMatch(/not a date: NaN/);
		expect(thrown(() => toIsoDate(NODE, -5, 'Expires On', 0)).message).toMatch(/not a date/);
	});

	it('reads valid dates exactly, without the server time zone', () => {
		expect(toOffsetDateTime(NODE, '2024-02-29', 'Birth Date', 0)).toBe('2024-02-29T00:00:00+0000');
		expect(toOffsetDateTime(NODE, '2026-05-01T09:30:00', 'Birth Date', 0)).toBe(
			'2026-05-01T09:30:00+0000',
		);
		expect(toOffsetDateTime(NODE, '2026-05-01 09:30:00-0330', 'Birth Date', 0)).toBe(
			'2026-05-01T09:30:00-0330',
		);
		expect(toIsoDate(NODE, '2026-12-01T10:00:00.25+01:00', 'Expires On', 0)).toBe(
			'2026-12-01T09:00:00.250Z',
		);
		expect(toEpochMilliseconds(NODE, '2026-01-01T00:00:00Z', 'Start Time', 0)).toBe(
			Date.UTC(2026, 0, 1),
		);
		expect(
			parseDate(NODE, { toISO: () => '2026-01-01T05:30:00.000+05:30' }, 'Start Time', 0),
		).toEqual({ ms: Date.UTC(2026, 0, 1), offsetMinutes: 330 });
	});
});

describe('JSON fields', () => {
	it('refuse control characters and lone surrogates anywhere inside, keys included', () => {
		expect(
			thrown(() => parseJsonObject(NODE, '{"a": {"b": ["x\\u0000"]}}', 'Event Data (JSON)', 1))
				.message,
		).toBe('"Event Data (JSON)" contains a control character (U+0000) [item 1]');
		expect(
			thrown(() => parseJsonObject(NODE, { [LONE]: 1 }, 'Metadata (JSON)', 1)).message,
		).toMatch(/lone UTF-16 surrogate/);
		expect(thrown(() => parseJsonArray(NODE, '["\\udc00"]', 'Components', 1)).message).toMatch(
			/lone UTF-16 surrogate/,
		);
		expect(parseJsonObject(NODE, '{"note": "line 1\\nline 2"}', 'Event Data (JSON)', 1)).toEqual({
			note: 'line 1\nline 2',
		});
	});

	it('checkJsonSize names the field and the limit', () => {
		expect(
			thrown(() =>
				checkJsonSize(
					NODE,
					'x'.repeat(2 * 1024 * 1024),
					'Body',
					4,
					1024 * 1024,
					'at most 1 MB per call',
				),
			).message,
		).toBe('"Body" makes the request 2.0 MB; at most 1 MB per call [item 4]');
		expect(() => checkJsonSize(NODE, 'x', 'Body', 4, 1024, 'x')).not.toThrow();
	});
});

describe('checkCredentialFields', () => {
	const rules = [
		{ key: 'apiKey', label: 'API Key', required: true, noSpaces: true },
		{ key: 'licenseCode', label: 'License Code', required: true, pathSafe: true },
		{ key: 'username', label: 'Username', noColon: true },
	];
	it.each([
		[{ apiKey: '', licenseCode: 'x' }, /"API Key" is empty/],
		[{ apiKey: '  ', licenseCode: 'x' }, /"API Key" is empty/],
		[{ apiKey: 'a b', licenseCode: 'x' }, /"API Key" contains spaces/],
		[{ apiKey: 'ab\n', licenseCode: 'x' }, /"API Key" contains a line break/],
		[{ apiKey: 'ab', licenseCode: 'a/b' }, /"License Code" contains "\/"/],
		[{ apiKey: 'ab', licenseCode: 'x', username: 'a:b' }, /"Username" contains ":"/],
	])('refuses %p without showing the value', (data, message) => {
		const error = thrown(() => checkCredentialFields(data, 'Test API', rules));
		expect(error.message).toMatch(message);
		expect(error.message).toMatch(/^The "Test API" credential's/);
		for (const value of Object.values(data))
			if (String(value).trim().length > 1) expect(error.message).not.toContain(String(value));
	});

	it('accepts good values', () => {
		expect(() =>
			checkCredentialFields(
				{ apiKey: 'k-1', licenseCode: '~abc', username: 'u' },
				'Test API',
				rules,
			),
		).not.toThrow();
	});
});
