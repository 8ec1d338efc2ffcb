import { toEpochMilliseconds as toEpochMs } from '../../../nodes/shared';
import { channelUserId, phoneDigits } from '../../../nodes/Engati/actions/common';
import { engatiBodyError, engatiErrorMessage } from '../../../nodes/Engati/transport';
import {
	createEngatiSimulator,
	ENGATI_DEFAULTS as D,
	engatiFailNext,
} from '../../../tools/simulators/engati';
import type { Simulator } from '../../../tools/simulators/core/simulator';

const node = {
	name: 'Engati',
	type: 'CUSTOM.engati',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
	id: 'x',
} as any;

describe('Engati envelope', () => {
	it('treats status.code 1000 and bodies without a status as success', () => {
		expect(
			engatiBodyError({ responseObject: true, status: { code: 1000, message: 'Success' } }),
		).toBeUndefined();
		expect(engatiBodyError({ responseObject: [] })).toBeUndefined();
		expect(engatiBodyError('text')).toBeUndefined();
	});

	it('turns any other status.code into an error with its message and code', () => {
		expect(
			engatiBodyError({ responseObject: null, status: { code: 2003, message: 'Bot not found' } }),
		).toEqual({
			message: 'Bot not found',
			code: 2003,
		});
		expect(engatiBodyError({ status: { code: '2006' } })).toEqual({
			message: 'Engati reported a failure without a message',
			code: '2006',
		});
	});

	it('reads the message of envelopes and problem bodies', () => {
		expect(engatiErrorMessage({ status: { code: 2000, message: 'boom' } })).toBe('boom');
		expect(
			engatiErrorMessage({
				type: 'about:blank',
				title: 'Unauthorized',
				status: 401,
				detail: 'Invalid key',
			}),
		).toBe('Invalid key');
		expect(engatiErrorMessage({ title: 'Forbidden' })).toBe('Forbidden');
		expect(engatiErrorMessage(undefined)).toBeUndefined();
	});
});

describe('Engati value helpers', () => {
	it('reduces phone numbers to digits with the country code', () => {
		expect(phoneDigits(node, '+91 98765-43210', 'Phone', 0)).toBe('919876543210');
		expect(() => phoneDigits(node, '12', 'Phone', 3)).toThrow(
			'"Phone" is not a phone number with country code: "12" [item 3]',
		);
	});

	it('keeps non-phone channel user ids and strips phone formatting', () => {
		expect(channelUserId(node, 'web-7f3a', 'Channel User ID', 0)).toBe('web-7f3a');
		expect(channelUserId(node, '+91 95654 28256', 'Channel User ID', 0)).toBe('919565428256');
		expect(() => channelUserId(node, '', 'Channel User ID', 1)).toThrow('[item 1]');
	});

	it('converts dates to UTC milliseconds', () => {
		expect(toEpochMs(node, '2026-10-01T08:00:00Z', 'Start Time', 0)).toBe(Date.UTC(2026, 9, 1, 8));
		expect(toEpochMs(node, 1790000000, 'Start Time', 0)).toBe(1790000000000);
		expect(() => toEpochMs(node, 'soon', 'Start Time', 2)).toThrow(
			'"Start Time" is not a date: "soon" [item 2]',
		);
	});
});

describe('Engati simulator contract', () => {
	let sim: Simulator;
	let url: string;
	const auth = { Authorization: `Basic ${D.apiKey}`, 'content-type': 'application/json' };
	const users = (bot = D.botKey, customer = D.customerId) =>
		`/bot-api/v1.0/customer/${customer}/bot/${bot}/users?attribute_name=segment&attribute_value=new`;
	const call = async (
		p: string,
		headers: Record<string, string> = auth,
		init: RequestInit = {},
	) => {
		const response = await fetch(url + p, { headers, ...init });
		return { status: response.status, body: (await response.json()) as any };
	};

	beforeAll(async () => {
		sim = createEngatiSimulator();
		url = await sim.start();
	});
	afterAll(async () => sim.stop());
	beforeEach(() => sim.reset());

	it('accepts the raw key and refuses a base64-encoded one with 401', async () => {
		expect((await call(users())).body.status.code).toBe(1000);
		const encoded = await call(users(), {
			Authorization: `Basic ${Buffer.from(`${D.apiKey}:`).toString('base64')}`,
		});
		expect(encoded.status).toBe(401);
	});

	it('answers an unknown bot key with 2003 on HTTP 200 and a foreign customer with 403', async () => {
		expect(await call(users('0000000000000000'))).toEqual({
			status: 200,
			body: { responseObject: null, status: { code: 2003, message: 'Bot not found' } },
		});
		expect((await call(users(D.botKey, '1'))).status).toBe(403);
	});

	it('answers 2004 for a bot without a WhatsApp provider and forced codes 2005 / 2006', async () => {
		const template = {
			phoneNumber: '+919876543210',
			payload: {
				name: 'order_update',
				language: { code: 'en', policy: 'deterministic' },
				components: [],
			},
		};
		const send = (bot: string) =>
			call(`/whatsapp-api/v1.0/customer/${D.customerId}/bot/${bot}/template`, auth, {
				method: 'POST',
				body: JSON.stringify(template),
			});
		expect((await send(D.botWithoutWhatsApp)).body.status.code).toBe(2004);
		engatiFailNext(sim, 2005);
		engatiFailNext(sim, 2006);
		expect((await send(D.botKey)).body.status.code).toBe(2005);
		expect((await send(D.botKey)).body.status.code).toBe(2006);
		expect((await send(D.botKey)).body.status.code).toBe(1000);
	});

	it('answers 404 for unknown paths, 500 on an injected fault, and 400 for a template without language', async () => {
		expect(
			(await call(`/bot-api/v1.0/customer/${D.customerId}/bot/${D.botKey}/nothing`)).status,
		).toBe(404);
		sim.injectFault({ kind: '500', count: 1 });
		expect((await call(users())).status).toBe(500);
		const bad = await call(
			`/whatsapp-api/v1.0/customer/${D.customerId}/bot/${D.botKey}/template`,
			auth,
			{
				method: 'POST',
				body: JSON.stringify({
					phoneNumber: '+919876543210',
					payload: { name: 'order_update', components: [] },
				}),
			},
		);
		expect(bad.status).toBe(400);
	});
});
