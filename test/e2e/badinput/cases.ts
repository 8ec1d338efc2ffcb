/**
 * The bad-input suite (issue 9): every case is one input item (or one credential) given to a node
 * in a real n8n. A case expects either a clear error naming the item and the field, or a documented
 * safe handling (docs/reliability.md "Input validation" and the vendor pages), checked against what
 * the simulator received. A value written `{ $v: … }` is made in the workflow's Code node (NaN,
 * Infinity, lone surrogates). Megabyte-sized values are made by the node's own expression from a
 * length in the item, so n8n's printed run stays small.
 */
import { ENGATI_DEFAULTS } from '../../../tools/simulators/engati';

export type Vendor = 'webengage' | 'dotdigital' | 'engati' | 'engageone';

export type Expectation =
	/** An error item whose message names this field and the item (`[item N]`). */
	| { error: string; also?: RegExp }
	/**
	 * Documented safe handling: `sent` must appear in what the simulator received (decoded path,
	 * query and JSON body); the item is not an input error (a vendor refusal of a value the node
	 * passed on unchanged is allowed when `vendorMayRefuse` is set).
	 */
	| { safe: string; sent?: string; vendorMayRefuse?: boolean };

export interface BadCase {
	name: string;
	input: Record<string, unknown>;
	expect: Expectation;
}

export interface CaseGroup {
	id: string;
	vendor: Vendor;
	/** Node type name (without `CUSTOM.`). */
	node: string;
	parameters: Record<string, unknown>;
	/** Fields every case's input starts from. */
	base: Record<string, unknown>;
	cases: BadCase[];
	/**
	 * Whether each item carries `tag` into something the vendor receives, so an ok case's tag must
	 * be received and a refused case's tag must not.
	 */
	tagged?: boolean;
}

/** Values JSON cannot carry, made by the Code node (see `expandSpecial`). */
const NAN = { $v: 'NaN' };
const INFINITY = { $v: 'Infinity' };
const charIn = (code: number) => ({ $v: 'char', code });
const err = (field: string, also?: RegExp): Expectation => ({
	error: field,
	...(also ? { also } : {}),
});
const safe = (doc: string, sent?: string, vendorMayRefuse?: boolean): Expectation => ({
	safe: doc,
	sent,
	vendorMayRefuse,
});

const OBJ = { a: 1 };
const ARR = ['a', 'b'];
const NUL = 'ab\u0000cd';
const BELL = 'ab\u0007cd';
const LONE_HIGH = charIn(0xd800);
const LONE_LOW = charIn(0xdc00);

/** Values that are never a usable ID, for any ID-like field. */
function idCases(field: string, key: string): BadCase[] {
	return [
		{ name: `${field}: an object`, input: { [key]: OBJ }, expect: err(field, /object/) },
		{ name: `${field}: an array`, input: { [key]: ARR }, expect: err(field, /array/) },
		{ name: `${field}: whitespace only`, input: { [key]: '   ' }, expect: err(field) },
		{ name: `${field}: empty`, input: { [key]: '' }, expect: err(field) },
		{
			name: `${field}: NUL character`,
			input: { [key]: NUL },
			expect: err(field, /control character/),
		},
		{
			name: `${field}: bell control character`,
			input: { [key]: BELL },
			expect: err(field, /control character/),
		},
		{
			name: `${field}: line break`,
			input: { [key]: 'ab\ncd' },
			expect: err(field, /control character/),
		},
		{
			name: `${field}: lone surrogate`,
			input: { [key]: LONE_HIGH },
			expect: err(field, /UTF-16|surrogate/),
		},
		{ name: `${field}: boolean`, input: { [key]: true }, expect: err(field, /boolean/) },
		{ name: `${field}: NaN`, input: { [key]: NAN }, expect: err(field) },
	];
}

const WE_USER: CaseGroup = {
	id: 'biweuser',
	vendor: 'webengage',
	node: 'webEngage',
	tagged: true,
	parameters: {
		resource: 'user',
		operation: 'upsert',
		inputMode: 'fields',
		userId: '={{ $json.userId }}',
		additionalFields: {
			firstName: '={{ $json.tag }}',
			email: '={{ $json.email }}',
			phone: '={{ $json.phone }}',
			birthDate: '={{ $json.birthDate }}',
		},
		attributes: { values: [{ key: 'note', value: '={{ $json.note ?? "plain" }}' }] },
	},
	base: { userId: 'bi-user' },
	cases: [
		...idCases('User ID', 'userId').filter((c) => !/empty/.test(c.name)),
		{
			name: 'User ID: 101 characters',
			input: { userId: 'u'.repeat(101) },
			expect: err('User ID', /100/),
		},
		{ name: 'User ID: Infinity', input: { userId: INFINITY }, expect: err('User ID') },
		{
			name: 'User ID: a number is sent as text',
			input: { userId: 12345 },
			expect: safe('numbers as text', '"12345"'),
		},
		{
			name: 'User ID: surrounding spaces are trimmed',
			input: { userId: '  bi-trim  ' },
			expect: safe('trimmed', '"bi-trim"'),
		},
		{ name: 'Email: no @', input: { email: 'not-an-email' }, expect: err('Email') },
		{ name: 'Email: no domain dot', input: { email: 'a@b' }, expect: err('Email') },
		{ name: 'Email: space inside', input: { email: 'a b@example.com' }, expect: err('Email') },
		{ name: 'Email: two @', input: { email: 'a@@example.com' }, expect: err('Email') },
		{ name: 'Email: an object', input: { email: OBJ }, expect: err('Email', /object/) },
		{
			name: 'Email: NUL character',
			input: { email: 'a\u0000b@example.com' },
			expect: err('Email'),
		},
		{ name: 'Email: trailing dot', input: { email: 'a@example.com.' }, expect: err('Email') },
		{
			name: 'Email: valid',
			input: { email: 'bi.user@example.com' },
			expect: safe('valid', 'bi.user@example.com'),
		},
		{
			name: 'Email: surrounding spaces trimmed',
			input: { email: '  bi.trim@example.com ' },
			expect: safe('trimmed', '"bi.trim@example.com"'),
		},
		{ name: 'Phone: no country code', input: { phone: '4155550123' }, expect: err('Phone') },
		{ name: 'Phone: starts with +0', input: { phone: '+0123456789' }, expect: err('Phone') },
		{ name: 'Phone: 16 digits', input: { phone: '+1234567890123456' }, expect: err('Phone') },
		{ name: 'Phone: an object', input: { phone: OBJ }, expect: err('Phone') },
		{
			name: 'Phone: extension text',
			input: { phone: '+44 7700 900123 ext 5' },
			expect: err('Phone'),
		},
		{ name: 'Phone: letters', input: { phone: '+1-800-FLOWERS' }, expect: err('Phone') },
		{
			name: 'Phone: formatted E.164 is compacted',
			input: { phone: '+1 (415) 555-0123' },
			expect: safe('compacted', '+14155550123'),
		},
		{
			name: 'Birth Date: 30 February',
			input: { birthDate: '2026-02-30' },
			expect: err('Birth Date'),
		},
		{ name: 'Birth Date: month 13', input: { birthDate: '2026-13-01' }, expect: err('Birth Date') },
		{ name: 'Birth Date: 31 April', input: { birthDate: '2026-04-31' }, expect: err('Birth Date') },
		{
			name: 'Birth Date: 29 February of a common year',
			input: { birthDate: '2025-02-29' },
			expect: err('Birth Date'),
		},
		{
			name: 'Birth Date: 24:61',
			input: { birthDate: '2026-05-01T24:61:00' },
			expect: err('Birth Date'),
		},
		{
			name: 'Birth Date: second 60',
			input: { birthDate: '2026-05-01T10:00:60Z' },
			expect: err('Birth Date'),
		},
		{
			name: 'Birth Date: ambiguous 03/04/2026',
			input: { birthDate: '03/04/2026' },
			expect: err('Birth Date'),
		},
		{ name: 'Birth Date: words', input: { birthDate: '1 May 2026' }, expect: err('Birth Date') },
		{
			name: 'Birth Date: offset +25:00',
			input: { birthDate: '2026-05-01T09:30:00+25:00' },
			expect: err('Birth Date'),
		},
		{ name: 'Birth Date: an object', input: { birthDate: OBJ }, expect: err('Birth Date') },
		{ name: 'Birth Date: tomorrow', input: { birthDate: 'tomorrow' }, expect: err('Birth Date') },
		{
			name: 'Birth Date: 29 February of a leap year',
			input: { birthDate: '2024-02-29' },
			expect: safe('valid', '2024-02-29T00:00:00+0000'),
		},
		{
			name: 'Birth Date: date only',
			input: { birthDate: '2026-02-28' },
			expect: safe('UTC', '2026-02-28T00:00:00+0000'),
		},
		{
			name: 'Birth Date: offset kept',
			input: { birthDate: '2026-05-01T09:30:00+05:30' },
			expect: safe('offset kept', '2026-05-01T09:30:00+0530'),
		},
		{
			name: 'Custom Attributes: NUL in a value',
			input: { note: NUL },
			expect: err('Custom Attributes', /control character/),
		},
		{
			name: 'Custom Attributes: lone surrogate in a value',
			input: { note: LONE_LOW },
			expect: err('Custom Attributes', /UTF-16|surrogate/),
		},
		{
			name: 'Custom Attributes: line break in a value is kept',
			input: { note: 'a\nb' },
			expect: safe('kept', 'a\nb'),
		},
		{
			name: 'Birth Date: no zone is UTC',
			input: { birthDate: '2026-05-01T09:30:00' },
			expect: safe('UTC', '2026-05-01T09:30:00+0000'),
		},
	],
};

const WE_EVENTS: CaseGroup = {
	id: 'bieventmany',
	vendor: 'webengage',
	node: 'webEngage',
	tagged: true,
	parameters: {
		resource: 'event',
		operation: 'trackMany',
		inputMode: 'fields',
		userId: '={{ $json.userId }}',
		eventName: '={{ $json.eventName }}',
		additionalFields: { eventTime: '={{ $json.eventTime }}' },
		eventDataMode: 'json',
		eventDataJson: '={{ $json.eventData ?? JSON.stringify({ tag: $json.tag }) }}',
	},
	base: { userId: 'bi-user', eventName: 'Opened' },
	cases: [
		...idCases('Event Name', 'eventName').filter((c) => !/NaN|boolean/.test(c.name)),
		{
			name: 'Event Name: 50 characters',
			input: { eventName: 'e'.repeat(50) },
			expect: err('Event Name', /50/),
		},
		{
			name: 'Event Name: reserved prefix',
			input: { eventName: 'we_opened' },
			expect: err('Event Name', /we_/),
		},
		{ name: 'User ID: an object (bulk)', input: { userId: OBJ }, expect: err('User ID', /object/) },
		{ name: 'User ID: whitespace (bulk)', input: { userId: '  ' }, expect: err('User ID') },
		{
			name: 'Event Time: 30 February',
			input: { eventTime: '2026-02-30T10:00:00Z' },
			expect: err('Event Time'),
		},
		{
			name: 'Event Time: minute 61',
			input: { eventTime: '2026-05-01T10:61:00Z' },
			expect: err('Event Time'),
		},
		{
			name: 'Event Time: US format',
			input: { eventTime: '05/01/2026 10:00' },
			expect: err('Event Time'),
		},
		{
			name: 'Event Time: epoch seconds',
			input: { eventTime: 1777631400 },
			expect: safe('epoch', '2026-05-01T10:30:00+0000'),
		},
		{
			name: 'Event Data: invalid JSON',
			input: { eventData: '{"Price": 39.8' },
			expect: err('Event Data'),
		},
		{ name: 'Event Data: an array', input: { eventData: '[1, 2]' }, expect: err('Event Data') },
		{ name: 'Event Data: a string', input: { eventData: '"text"' }, expect: err('Event Data') },
		{ name: 'Event Data: null', input: { eventData: 'null' }, expect: err('Event Data') },
		{
			name: 'Event Data: NUL inside a value',
			input: { eventData: '{"note": "a\\u0000b"}' },
			expect: err('Event Data', /control character/),
		},
		{
			name: 'Event Data: lone surrogate',
			input: { eventData: '{"note": "a\\ud800b"}' },
			expect: err('Event Data', /UTF-16|surrogate/),
		},
		{
			name: 'Event Data: reserved attribute',
			input: { eventData: '{"we_x": 1}' },
			expect: err('Event Data', /we_/),
		},
		{
			name: 'Event Data: numbers and booleans kept',
			input: { eventData: '{"Price": 39.8, "Gift": false, "tagged": "bi-evt-types"}' },
			expect: safe('kept', '"Price":39.8'),
		},
	],
};

const DD_SEND_MANY: CaseGroup = {
	id: 'biddsendmany',
	vendor: 'dotdigital',
	node: 'dotdigitalCpaas',
	tagged: true,
	parameters: {
		resource: 'message',
		operation: 'sendMany',
		toType: 'phoneNumber',
		phoneNumber: '={{ $json.phone }}',
		rules: ['sms'],
		// Megabytes are made here, not in the input items, so n8n's printed run stays small.
		body: '={{ $json.repeatBody ? "x".repeat($json.repeatBody) : $json.body }}',
		additionalFields: {
			title: '={{ $json.tag }}',
			expiresOn: '={{ $json.expiresOn }}',
			metadata: '={{ $json.metadata }}',
		},
	},
	base: { phone: '+447700900123', body: 'Hello' },
	cases: [
		{ name: 'Body: an object', input: { body: OBJ }, expect: err('Body', /object/) },
		{ name: 'Body: an array', input: { body: ARR }, expect: err('Body', /array/) },
		{
			name: 'Body: the text [object Object]',
			input: { body: '[object Object]' },
			expect: err('Body', /object Object/),
		},
		{ name: 'Body: whitespace only', input: { body: '   ' }, expect: err('Body') },
		{
			name: 'Body: NUL character',
			input: { body: 'Hi\u0000there' },
			expect: err('Body', /control character/),
		},
		{
			name: 'Body: bell character',
			input: { body: 'Hi\u0007' },
			expect: err('Body', /control character/),
		},
		{
			name: 'Body: DEL character',
			input: { body: 'Hi\u007f' },
			expect: err('Body', /control character/),
		},
		{
			name: 'Body: lone high surrogate',
			input: { body: LONE_HIGH },
			expect: err('Body', /UTF-16|surrogate/),
		},
		{
			name: 'Body: lone low surrogate',
			input: { body: LONE_LOW },
			expect: err('Body', /UTF-16|surrogate/),
		},
		{ name: 'Body: a boolean', input: { body: true }, expect: err('Body', /boolean/) },
		{
			name: 'Body: 11.5 MB (over the 10 MB per call)',
			input: { repeatBody: Math.round(11.5 * 1024 * 1024) },
			expect: err('Body', /10 MB/),
		},
		{
			name: 'Body: line breaks and tabs kept',
			input: { body: 'Line 1\nLine\t2' },
			expect: safe('kept', 'Line 1\nLine\t2'),
		},
		{ name: 'Body: emoji kept', input: { body: 'Hi 😀' }, expect: safe('kept', 'Hi 😀') },
		{
			name: 'Body: a number is sent as text',
			input: { body: 42 },
			expect: safe('text', '"body":"42"'),
		},
		{
			name: 'Phone Number: national format',
			input: { phone: '07700 900123' },
			expect: err('Phone Number'),
		},
		{ name: 'Phone Number: an object', input: { phone: OBJ }, expect: err('Phone Number') },
		{ name: 'Phone Number: empty', input: { phone: '' }, expect: err('Phone Number') },
		{
			name: 'Phone Number: 16 digits',
			input: { phone: '+4477009001231234' },
			expect: err('Phone Number'),
		},
		{
			name: 'Phone Number: NUL character',
			input: { phone: '+44770090\u00000123' },
			expect: err('Phone Number'),
		},
		{
			name: 'Phone Number: formatted is compacted',
			input: { phone: '+44 7700 900124' },
			expect: safe('compacted', '447700900124'),
		},
		{
			name: 'Expires On: 30 February',
			input: { expiresOn: '2026-02-30T00:00:00Z' },
			expect: err('Expires On'),
		},
		{
			name: 'Expires On: hour 25',
			input: { expiresOn: '2026-12-01T25:00:00Z' },
			expect: err('Expires On'),
		},
		{
			name: 'Expires On: ambiguous 12/01/2026',
			input: { expiresOn: '12/01/2026' },
			expect: err('Expires On'),
		},
		{
			name: 'Expires On: valid',
			input: { expiresOn: '2026-12-01T10:00:00Z' },
			expect: safe('valid', '2026-12-01T10:00:00.000Z'),
		},
		{ name: 'Metadata: invalid JSON', input: { metadata: '{oops' }, expect: err('Metadata') },
		{ name: 'Metadata: an array', input: { metadata: '[1]' }, expect: err('Metadata') },
		{
			name: 'Metadata: NUL in a value',
			input: { metadata: '{"k": "a\\u0000"}' },
			expect: err('Metadata', /control character/),
		},
	],
};

const DD_PROFILE_GET: CaseGroup = {
	id: 'biddprofileget',
	vendor: 'dotdigital',
	node: 'dotdigitalCpaas',
	parameters: { resource: 'profile', operation: 'get', profileId: '={{ $json.id }}' },
	base: {},
	cases: [
		// A resource locator since node version 2: the error names the field as the editor shows it.
		...idCases('Profile', 'id'),
		{ name: 'Profile: ..', input: { id: '..' }, expect: err('Profile', /\.\./) },
		{ name: 'Profile: .', input: { id: '.' }, expect: err('Profile') },
		{
			name: 'Profile ID: a slash is encoded',
			input: { id: 'a/b' },
			expect: safe('encoded', '/cpaas/profiles/a%2Fb', true),
		},
		{
			name: 'Profile ID: a query character is encoded',
			input: { id: 'p?x=1' },
			expect: safe('encoded', '/cpaas/profiles/p%3Fx%3D1', true),
		},
		{
			name: 'Profile ID: a number is sent as text',
			input: { id: 123 },
			expect: safe('text', '/cpaas/profiles/123', true),
		},
	],
};

const LIMITS = (field = 'Limit', key = 'limit'): BadCase[] => [
	{ name: `${field}: 0`, input: { [key]: 0 }, expect: err(field) },
	{ name: `${field}: negative`, input: { [key]: -5 }, expect: err(field) },
	{ name: `${field}: not an integer`, input: { [key]: 1.5 }, expect: err(field) },
	{ name: `${field}: text`, input: { [key]: 'ten' }, expect: err(field) },
	{ name: `${field}: NaN`, input: { [key]: NAN }, expect: err(field) },
	{ name: `${field}: Infinity`, input: { [key]: INFINITY }, expect: err(field) },
	{ name: `${field}: a boolean`, input: { [key]: true }, expect: err(field) },
	{ name: `${field}: an object`, input: { [key]: OBJ }, expect: err(field) },
];

const DD_PROFILE_MANY: CaseGroup = {
	id: 'biddprofilemany',
	vendor: 'dotdigital',
	node: 'dotdigitalCpaas',
	parameters: {
		resource: 'profile',
		operation: 'getMany',
		returnAll: false,
		limit: '={{ $json.limit }}',
	},
	base: {},
	cases: [
		...LIMITS(),
		{ name: 'Limit: empty', input: { limit: '' }, expect: err('Limit') },
		{
			name: 'Limit: numeric text',
			input: { limit: '3' },
			expect: safe('numeric text', '"$limit":"3"'),
		},
		{ name: 'Limit: huge', input: { limit: 1e9 }, expect: safe('all there are', '"$limit":"100"') },
	],
};

const ENGATI_HISTORY: CaseGroup = {
	id: 'biengatihistory',
	vendor: 'engati',
	node: 'engati',
	parameters: {
		resource: 'conversation',
		operation: 'getHistory',
		channelUserId: '={{ $json.id }}',
		returnAll: false,
		limit: '={{ $json.limit }}',
		options: { startTime: '={{ $json.start }}', pageSize: '={{ $json.pageSize }}' },
	},
	base: { id: ENGATI_DEFAULTS.historyUser, limit: 5 },
	cases: [
		...idCases('Channel User ID', 'id').filter((c) => !/NaN|bell/.test(c.name)),
		{ name: 'Channel User ID: ..', input: { id: '..' }, expect: err('Channel User ID') },
		...LIMITS().filter((c) => !/NaN|Infinity|object/.test(c.name)),
		{ name: 'Start Time: 30 February', input: { start: '2026-02-30' }, expect: err('Start Time') },
		{
			name: 'Start Time: day-first text',
			input: { start: '31/12/2026' },
			expect: err('Start Time'),
		},
		{
			name: 'Start Time: hour 24',
			input: { start: '2026-01-01T24:00:01Z' },
			expect: err('Start Time'),
		},
		{ name: 'Page Size: 0', input: { pageSize: 0 }, expect: err('Page Size') },
		{ name: 'Page Size: negative', input: { pageSize: -3 }, expect: err('Page Size') },
		{ name: 'Page Size: text', input: { pageSize: 'x' }, expect: err('Page Size') },
		{
			name: 'Channel User ID: formatted phone becomes digits',
			input: { id: '+91 95654 28256' },
			expect: safe('digits', `/channel-user/${ENGATI_DEFAULTS.historyUser}/`),
		},
		{
			name: 'Start Time: valid',
			input: { start: '2026-01-01T00:00:00Z' },
			expect: safe('epoch ms', String(Date.UTC(2026, 0, 1))),
		},
	],
};

const ENGATI_BROADCAST: CaseGroup = {
	id: 'biengatibroad',
	vendor: 'engati',
	node: 'engati',
	parameters: {
		resource: 'broadcast',
		operation: 'send',
		channelUserId: '={{ $json.id }}',
		channels: ['whatsapp'],
		messages: { message: [{ text: 'Hello' }] },
	},
	base: { id: '919800000001' },
	cases: [
		...idCases('Channel User ID', 'id').filter((c) => !/empty|NaN/.test(c.name)),
		{
			name: 'Channel User ID: too short a phone',
			input: { id: '12' },
			expect: err('Channel User ID'),
		},
		{
			name: 'Channel User ID: formatted phone becomes digits',
			input: { id: '+91 98000 00002' },
			expect: safe('digits', '"919800000002"'),
		},
		{
			name: 'Channel User ID: a duplicate is sent once',
			input: { id: '919800000002' },
			expect: safe('deduplicated', '"919800000002"'),
		},
	],
};

const ENGATI_FLOW: CaseGroup = {
	id: 'biengatiflow',
	vendor: 'engati',
	node: 'engati',
	parameters: {
		resource: 'flow',
		operation: 'trigger',
		flowKey: '={{ $json.flowKey }}',
		apiVersion: 'v2',
		channel: 'whatsapp',
		phoneNumber: '={{ $json.phone }}',
		userName: '={{ $json.name }}',
	},
	base: { flowKey: ENGATI_DEFAULTS.flowKey, phone: '+919800000003', name: 'Bi' },
	cases: [
		{ name: 'Flow Key: an object', input: { flowKey: OBJ }, expect: err('Flow Key', /object/) },
		{ name: 'Flow Key: whitespace', input: { flowKey: '  ' }, expect: err('Flow Key') },
		{ name: 'Flow Key: NUL character', input: { flowKey: NUL }, expect: err('Flow Key') },
		{ name: 'Flow Key: ..', input: { flowKey: '..' }, expect: err('Flow Key') },
		{ name: 'Phone Number: letters', input: { phone: 'call me' }, expect: err('Phone Number') },
		{
			name: 'Phone Number: an array',
			input: { phone: ['+919800000003'] },
			expect: err('Phone Number'),
		},
		{ name: 'User Name: an object', input: { name: OBJ }, expect: err('User Name', /object/) },
		{ name: 'User Name: NUL character', input: { name: NUL }, expect: err('User Name') },
		{ name: 'User Name: lone surrogate', input: { name: LONE_LOW }, expect: err('User Name') },
		{
			name: 'User Name: a number is sent as text',
			input: { name: 7 },
			expect: safe('text', '"user.user_name":"7"'),
		},
	],
};

const ENGATI_USERS: CaseGroup = {
	id: 'biengatiusers',
	vendor: 'engati',
	node: 'engati',
	parameters: {
		resource: 'user',
		operation: 'getManyByAttribute',
		attributeName: '={{ $json.name }}',
		attributeValue: '={{ $json.value }}',
		returnAll: false,
		limit: '={{ $json.limit }}',
	},
	base: { name: 'city', value: 'Pune', limit: 10 },
	cases: [
		{
			name: 'Attribute Name: an object',
			input: { name: OBJ },
			expect: err('Attribute Name', /object/),
		},
		{ name: 'Attribute Name: NUL character', input: { name: NUL }, expect: err('Attribute Name') },
		{
			name: 'Attribute Value: an array',
			input: { value: ARR },
			expect: err('Attribute Value', /array/),
		},
		{ name: 'Attribute Value: whitespace', input: { value: ' ' }, expect: err('Attribute Value') },
		{
			name: 'Attribute Value: lone surrogate',
			input: { value: LONE_HIGH },
			expect: err('Attribute Value'),
		},
		{ name: 'Limit: 0', input: { limit: 0 }, expect: err('Limit') },
		{ name: 'Limit: negative', input: { limit: -2 }, expect: err('Limit') },
		{ name: 'Limit: fraction', input: { limit: 0.5 }, expect: err('Limit') },
		{
			name: 'Attribute Value: a number is sent as text',
			input: { value: 5 },
			expect: safe('text', '"attribute_value":"5"'),
		},
	],
};

const EO_SEND: CaseGroup = {
	id: 'bieosend',
	vendor: 'engageone',
	node: 'engageOneCommunicate',
	tagged: true,
	parameters: {
		resource: 'campaign',
		operation: 'sendTransactional',
		campaign: 'bi-campaign',
		project: 'bi-project',
		communication: 'bi-communication',
		sender: 'noreply@example.com',
		subject: '={{ $json.subject ?? "Hello" }}',
		recipientSource: 'item',
		emailField: 'email',
	},
	base: { email: 'row@example.com', name: 'Row' },
	cases: [
		{ name: 'Email: no @', input: { email: 'not-an-email' }, expect: err('Email') },
		{ name: 'Email: no domain dot', input: { email: 'a@b' }, expect: err('Email') },
		{ name: 'Email: an object', input: { email: OBJ }, expect: err('Email') },
		{ name: 'Email: whitespace', input: { email: '  ' }, expect: err('Email') },
		{ name: 'Email: NUL character', input: { email: 'a\u0000@example.com' }, expect: err('Email') },
		{
			name: 'Email: surrounding spaces',
			input: { email: ' a@example.com ' },
			expect: err('Email'),
		},
		{
			name: 'Email: two addresses',
			input: { email: 'a@example.com,b@example.com' },
			expect: err('Email'),
		},
		{ name: 'Subject: an object', input: { subject: OBJ }, expect: err('Subject', /object/) },
		{ name: 'Subject: whitespace', input: { subject: '   ' }, expect: err('Subject') },
		{ name: 'Subject: NUL character', input: { subject: 'Hi\u0000' }, expect: err('Subject') },
		{ name: 'Row: NUL in a field', input: { name: NUL }, expect: err('name', /control character/) },
		{
			name: 'Row: lone surrogate in a field',
			input: { name: LONE_HIGH },
			expect: err('name', /UTF-16|surrogate/),
		},
		{
			name: 'Row: line breaks in a field are kept',
			input: { name: 'Ann\nLee' },
			expect: safe('kept', 'Ann\nLee'),
		},
	],
};

const EO_SEND_JSON: CaseGroup = {
	id: 'bieosendjson',
	vendor: 'engageone',
	node: 'engageOneCommunicate',
	parameters: {
		resource: 'campaign',
		operation: 'sendTransactional',
		campaign: 'bi-campaign',
		project: 'bi-project',
		communication: 'bi-communication',
		sender: 'noreply@example.com',
		subject: 'Hello',
		sendMode: 'perItem',
		recipientSource: 'json',
		// Megabytes are made here, not in the input items, so n8n's printed run stays small.
		recipientJson:
			'={{ $json.repeatName ? JSON.stringify({ email: "big@example.com", name: "x".repeat($json.repeatName) }) : $json.row }}',
		emailField: 'email',
	},
	base: {},
	cases: [
		{
			name: 'Recipient Row: over 5 MB',
			input: { repeatName: Math.round(5.5 * 1024 * 1024) },
			expect: err('Recipient Row', /5 MB/),
		},
		{
			name: 'Recipient Row: invalid JSON',
			input: { row: '{"email": "a@example.com"' },
			expect: err('Recipient Row'),
		},
		{
			name: 'Recipient Row: an array',
			input: { row: '[{"email": "a@example.com"}]' },
			expect: err('Recipient Row'),
		},
		{
			name: 'Recipient Row: NUL in a value',
			input: { row: '{"email": "a@example.com", "note": "x\\u0000"}' },
			expect: err('Recipient Row', /control character/),
		},
		{
			name: 'Recipient Row: valid',
			input: { row: '{"email": "json.row@example.com"}' },
			expect: safe('valid', 'json.row@example.com'),
		},
	],
};

const EO_REQUEST: CaseGroup = {
	id: 'bieorequest',
	vendor: 'engageone',
	node: 'engageOneCommunicate',
	parameters: {
		resource: 'apiRequest',
		operation: 'request',
		api: 'private',
		method: 'POST',
		path: '={{ $json.path }}',
		sendBody: true,
		body: '={{ $json.body }}',
	},
	base: {
		path: '/campaigns/v2/bi-campaign/transactional',
		body: '{"dataset": [{"email": "req@example.com"}], "email_json_path": "email", "subject": "Hi", "project": "p", "communication": "c", "sender": "s@example.com"}',
	},
	cases: [
		{ name: 'Path: an object', input: { path: OBJ }, expect: err('Path', /object/) },
		{ name: 'Path: no leading slash', input: { path: 'campaigns' }, expect: err('Path') },
		{
			name: 'Path: a full URL',
			input: { path: 'https://elsewhere.example/x' },
			expect: err('Path'),
		},
		{ name: 'Path: a space', input: { path: '/campaigns/a b' }, expect: err('Path') },
		{ name: 'Path: NUL character', input: { path: '/campaigns\u0000' }, expect: err('Path') },
		{
			name: 'Path: dot-dot segment',
			input: { path: '/campaigns/../authenticate' },
			expect: err('Path', /\.\./),
		},
		{ name: 'Path: empty', input: { path: '' }, expect: err('Path') },
		{ name: 'Body: invalid JSON', input: { body: '{"a": ' }, expect: err('Body') },
		{
			name: 'Body: NUL in a value',
			input: { body: '{"a": "x\\u0000"}' },
			expect: err('Body', /control character/),
		},
		{
			name: 'Body: lone surrogate',
			input: { body: '{"a": "x\\udc00"}' },
			expect: err('Body', /UTF-16|surrogate/),
		},
		{ name: 'Body: a number', input: { body: 5 }, expect: err('Body') },
		{
			name: 'Path: surrounding spaces trimmed',
			input: { path: '  /campaigns/v2/bi-campaign/transactional ' },
			expect: safe('trimmed', '/campaigns/v2/bi-campaign/transactional'),
		},
	],
};

export const GROUPS: CaseGroup[] = [
	WE_USER,
	WE_EVENTS,
	DD_SEND_MANY,
	DD_PROFILE_GET,
	DD_PROFILE_MANY,
	ENGATI_HISTORY,
	ENGATI_BROADCAST,
	ENGATI_FLOW,
	ENGATI_USERS,
	EO_SEND,
	EO_SEND_JSON,
	EO_REQUEST,
];

/** A credential case: one credential with a bad field, used by one node. */
export interface CredentialCase {
	name: string;
	vendor: Vendor;
	/** Changes to the vendor's demo credential data. */
	data: Record<string, unknown>;
	expect: Expectation;
}

export const CREDENTIAL_CASES: CredentialCase[] = [
	{
		name: 'WebEngage API Key: empty',
		vendor: 'webengage',
		data: { apiKey: '' },
		expect: err('API Key'),
	},
	{
		name: 'WebEngage API Key: whitespace only',
		vendor: 'webengage',
		data: { apiKey: '   ' },
		expect: err('API Key'),
	},
	{
		name: 'WebEngage API Key: a space inside',
		vendor: 'webengage',
		data: { apiKey: 'abc def-key' },
		expect: err('API Key'),
	},
	{
		name: 'WebEngage API Key: line break',
		vendor: 'webengage',
		data: { apiKey: 'abcdef-key\n' },
		expect: err('API Key'),
	},
	{
		name: 'WebEngage License Code: slashes',
		vendor: 'webengage',
		data: { licenseCode: 'abc/def' },
		expect: err('License Code'),
	},
	{
		name: 'WebEngage License Code: empty',
		vendor: 'webengage',
		data: { licenseCode: '' },
		expect: err('License Code'),
	},
	{
		name: 'WebEngage License Code: question mark',
		vendor: 'webengage',
		data: { licenseCode: '~abc?x=1' },
		expect: err('License Code'),
	},
	{ name: 'Engati API Key: empty', vendor: 'engati', data: { apiKey: '' }, expect: err('API Key') },
	{
		name: 'Engati API Key: a space inside',
		vendor: 'engati',
		data: { apiKey: 'key with space' },
		expect: err('API Key'),
	},
	{
		name: 'Engati Customer ID: empty',
		vendor: 'engati',
		data: { customerId: '' },
		expect: err('Customer ID'),
	},
	{
		name: 'Engati Customer ID: slashes',
		vendor: 'engati',
		data: { customerId: '611/79' },
		expect: err('Customer ID'),
	},
	{
		name: 'Engati Bot Key: whitespace inside',
		vendor: 'engati',
		data: { botKey: 'bb67 e077' },
		expect: err('Bot Key'),
	},
	{
		name: 'dotdigital Username: empty',
		vendor: 'dotdigital',
		data: { username: '' },
		expect: err('Username'),
	},
	{
		name: 'dotdigital Username: a colon',
		vendor: 'dotdigital',
		data: { username: 'api:user' },
		expect: err('Username', /:/),
	},
	{
		name: 'dotdigital Password: empty',
		vendor: 'dotdigital',
		data: { password: '' },
		expect: err('Password'),
	},
	{
		name: 'dotdigital Access Token: a space inside',
		vendor: 'dotdigital',
		data: { authMode: 'apiSpaceToken', accessToken: 'tok en', apiSpaceId: 'space-1' },
		expect: err('Access Token'),
	},
	{
		name: 'EngageOne Client ID: empty',
		vendor: 'engageone',
		data: { clientId: '' },
		expect: err('Client ID'),
	},
	{
		name: 'EngageOne Secret: empty',
		vendor: 'engageone',
		data: { secret: '' },
		expect: err('Secret'),
	},
	{
		name: 'EngageOne Customer ID: a space inside',
		vendor: 'engageone',
		data: { customerId: 'cust 1' },
		expect: err('Customer ID'),
	},
	{
		name: 'EngageOne Customer ID: line break',
		vendor: 'engageone',
		data: { customerId: 'cust\n1' },
		expect: err('Customer ID'),
	},
];

export function caseCount(): number {
	return GROUPS.reduce((n, g) => n + g.cases.length, 0) + CREDENTIAL_CASES.length;
}

/** The Code node's JavaScript that turns `{ $v: … }` markers into their values. */
export const EXPAND_SPECIAL_JS = `
const expandSpecial = (v) => {
	if (Array.isArray(v)) return v.map(expandSpecial);
	if (v && typeof v === 'object') {
		if (v.$v === 'NaN') return NaN;
		if (v.$v === 'Infinity') return Infinity;
		if (v.$v === 'char') return 'ab' + String.fromCharCode(v.code) + 'cd';
		if (v.$v === 'repeat') return 'x'.repeat(v.n);
		return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, expandSpecial(x)]));
	}
	return v;
};`;
