import type { N8n } from '../../../tools/harness/n8n';
import { chainWorkflow } from '../../../tools/harness/n8n';
import type { Simulator } from '../../../tools/simulators/core/simulator';
import {
	demoCredential,
	DOTDIGITAL_DEFAULTS,
	dotdigitalState,
	tokenCredential,
} from '../../../tools/simulators/dotdigital';
import { CREDENTIAL, DD, one, startDotdigital } from './helpers';

const TOKEN_CREDENTIAL = {
	dotdigitalCpaasApi: { id: 'demo-dotdigital-token', name: 'dotdigital CPaaS token (simulator)' },
};
const BAD_CREDENTIAL = {
	dotdigitalCpaasApi: { id: 'dd-bad', name: 'dotdigital CPaaS (wrong password)' },
};
const WRONG_PASSWORD = 'wrong-password-c0ffee-4242';

const sendNode = (
	operation: string,
	extra: Record<string, unknown> = {},
	credentials = CREDENTIAL,
) => ({
	name: 'dotdigital',
	type: DD,
	credentials,
	parameters: {
		resource: 'message',
		operation,
		toType: 'phoneNumber',
		phoneNumber: '={{ $json.phone }}',
		rules: ['whatsApp', 'sms'],
		body: '={{ "Hello " + $json.name }}',
		...extra,
	},
});

const workflows = {
	sendOne: chainWorkflow({
		id: 'ddSendOne',
		items: [{ phone: '+44 7123 123123', name: 'Ada' }],
		nodes: [
			sendNode('send', {
				additionalFields: {
					metadata: '{"orderId": "o-1"}',
					channelOptions: '{"sms": {"from": "Shop", "allowUnicode": true}}',
					customBody: '{"whatsApp": {"body": "Hi"}}',
					expiresOn: '2030-01-01T10:00:00Z',
					title: 'Order',
				},
			}),
		],
	}),
	sendMany10k: chainWorkflow({
		id: 'ddSendMany10k',
		items: {
			js: 'return Array.from({ length: 10000 }, (_, i) => ({ phone: `+4477${String(i).padStart(8, "0")}`, name: `user${i}` }));',
		},
		nodes: [sendNode('sendMany')],
	}),
	sendManyBadItem: chainWorkflow({
		id: 'ddSendManyBad',
		items: [
			{ phone: '+447700000001', name: 'a' },
			{ phone: 'not-a-phone', name: 'b' },
			{ phone: '+447700000003', name: 'c' },
		],
		nodes: [{ ...sendNode('sendMany'), onError: 'continueRegularOutput' as const }],
	}),
	sendMany429: chainWorkflow({
		id: 'ddSendMany429',
		items: {
			js: 'return Array.from({ length: 30 }, (_, i) => ({ phone: `+4477${String(i).padStart(8, "0")}`, name: `u${i}` }));',
		},
		nodes: [sendNode('sendMany')],
	}),
	wrongCredentials: chainWorkflow({
		id: 'ddWrongCreds',
		items: [{ phone: '+447700000001', name: 'a' }],
		nodes: [sendNode('send', {}, BAD_CREDENTIAL)],
	}),
	tokenMode: chainWorkflow({
		id: 'ddTokenMode',
		items: [{ phone: '+447700000009', name: 'tok' }],
		nodes: [sendNode('send', {}, TOKEN_CREDENTIAL)],
	}),
	messageLifecycle: chainWorkflow({
		id: 'ddMessageLifecycle',
		items: [{ phone: '+447700000010', name: 'life' }],
		nodes: [
			{ ...sendNode('send'), name: 'Send' },
			{
				name: 'Status',
				type: DD,
				credentials: CREDENTIAL,
				parameters: { resource: 'message', operation: 'get', messageId: '={{ $json.messageId }}' },
			},
			{
				name: 'PostStatus',
				type: DD,
				credentials: CREDENTIAL,
				parameters: {
					resource: 'message',
					operation: 'postStatus',
					messageId: '={{ $json.messageId }}',
					status: 'delivered',
					channel: 'sms',
				},
			},
			{
				name: 'Redact',
				type: DD,
				credentials: CREDENTIAL,
				parameters: {
					resource: 'message',
					operation: 'update',
					messageId: '={{ $("Send").item.json.messageId }}',
					redact: true,
				},
			},
			{
				name: 'Delete',
				type: DD,
				credentials: CREDENTIAL,
				parameters: {
					resource: 'message',
					operation: 'delete',
					messageId: '={{ $("Send").item.json.messageId }}',
				},
			},
			{
				name: 'Inbound',
				type: DD,
				credentials: CREDENTIAL,
				parameters: {
					resource: 'message',
					operation: 'postInbound',
					inbound: '{"from": {"phoneNumber": "447123123123"}, "body": "Hi", "channel": "sms"}',
				},
			},
			{
				name: 'InboundStatus',
				type: DD,
				credentials: CREDENTIAL,
				parameters: {
					resource: 'message',
					operation: 'postInboundStatus',
					inboundMessageId: '={{ $json.messageId }}',
					status: 'read',
					timestamp: '2026-01-01T00:00:00Z',
				},
			},
		],
	}),
	history: chainWorkflow({
		id: 'ddHistory',
		items: { js: 'return Array.from({ length: 3 }, (_, i) => ({ i }));' },
		nodes: [
			{
				name: 'Send',
				type: DD,
				credentials: CREDENTIAL,
				parameters: {
					resource: 'message',
					operation: 'send',
					toType: 'profileId',
					profileId: 'hist-1',
					rules: ['sms'],
					body: '={{ "msg " + $json.i }}',
				},
			},
			one('Limit'),
			{
				name: 'History',
				type: DD,
				credentials: CREDENTIAL,
				parameters: {
					resource: 'messageHistory',
					operation: 'getMany',
					profileId: 'hist-1',
					returnAll: true,
				},
			},
		],
	}),
};

describe('dotdigital CPaaS messages in a real n8n', () => {
	let sim: Simulator;
	let n8n: N8n;

	beforeAll(async () => {
		({ sim, n8n } = await startDotdigital(
			'dotdigital-messages',
			Object.values(workflows),
			(url) => {
				const good = demoCredential(url);
				return [
					good,
					tokenCredential(url),
					{
						id: 'dd-bad',
						name: 'dotdigital CPaaS (wrong password)',
						type: 'dotdigitalCpaasApi',
						data: { ...good.data, password: WRONG_PASSWORD },
					},
				];
			},
		));
	}, 300_000);

	afterAll(async () => {
		await sim.stop();
		n8n.cleanup();
	});

	beforeEach(() => sim.reset());

	it('sends one message with the One API fields', async () => {
		const result = await n8n.execute('ddSendOne');
		expect(result.error).toBeUndefined();
		const [request] = sim.accepted('POST /cpaas/messages');
		expect(request.body).toEqual({
			to: { phoneNumber: '447123123123' },
			rules: ['whatsApp', 'sms'],
			body: 'Hello Ada',
			title: 'Order',
			expiresOn: '2030-01-01T10:00:00.000Z',
			metadata: { orderId: 'o-1' },
			customBody: { whatsApp: { body: 'Hi' } },
			channelOptions: { sms: { from: 'Shop', allowUnicode: true } },
		});
		expect(request.headers.authorization).toMatch(/^Basic /);
		expect(result.output('dotdigital')[0]).toMatchObject({
			messageId: expect.any(String),
			status: 'processing',
		});
		expect(result.raw).not.toContain(DOTDIGITAL_DEFAULTS.password);
	});

	it('sends 10,000 messages in exactly 2 batch calls, every output paired with its item', async () => {
		const result = await n8n.execute('ddSendMany10k');
		expect(result.error).toBeUndefined();
		const calls = sim.accepted('POST /cpaas/messages/batch');
		expect(calls).toHaveLength(2);
		expect(calls.map((c) => (c.body as unknown[]).length)).toEqual([5000, 5000]);
		const out = result.items('dotdigital');
		expect(out).toHaveLength(10000);
		const stored = new Map(dotdigitalState(sim).messages.map((m: any) => [m.messageId, m]));
		out.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect((stored.get(item.json.messageId) as any).to.phoneNumber).toBe(
				`4477${String(i).padStart(8, '0')}`,
			);
		});
	}, 300_000);

	it('fails only the bad item under continue-on-fail', async () => {
		const result = await n8n.execute('ddSendManyBad');
		expect(result.error).toBeUndefined();
		const out = result.items('dotdigital');
		expect(out).toHaveLength(3);
		expect(out[0].json.messageId).toEqual(expect.any(String));
		expect(out[1].json.error).toMatch(/Phone Number.*not-a-phone/);
		expect(out[1].pairedItem).toEqual({ item: 1 });
		expect(out[2].json.messageId).toEqual(expect.any(String));
		const [call] = sim.accepted('POST /cpaas/messages/batch');
		expect((call.body as unknown[]).length).toBe(2);
	});

	it('survives a 429 on the batch without sending twice', async () => {
		sim.injectFault({ kind: '429', count: 1, operationId: 'POST /cpaas/messages/batch' });
		const result = await n8n.execute('ddSendMany429');
		expect(result.error).toBeUndefined();
		const calls = sim.requests('POST /cpaas/messages/batch');
		expect(calls.map((c) => c.status)).toEqual([429, 202]);
		expect(dotdigitalState(sim).messages).toHaveLength(30);
		expect(result.output('dotdigital')).toHaveLength(30);
	}, 300_000);

	it('reports wrong credentials as a clear 401 without the secret', async () => {
		const result = await n8n.execute('ddWrongCreds');
		expect(result.status).toBe('error');
		expect(result.error?.message).toContain('dotdigital CPaaS returned an error (HTTP 401)');
		expect(result.error?.message).toMatch(/\[item 0\]$/);
		expect(result.raw).not.toContain(WRONG_PASSWORD);
		expect(result.raw).not.toContain(
			Buffer.from(`${DOTDIGITAL_DEFAULTS.username}:${WRONG_PASSWORD}`).toString('base64'),
		);
		expect(sim.accepted()).toHaveLength(0);
	});

	it('sends with an API space token (legacy paths, Bearer)', async () => {
		const result = await n8n.execute('ddTokenMode');
		expect(result.error).toBeUndefined();
		const [request] = sim.accepted('POST /apispaces/{apiSpaceId}/messages');
		expect(request.headers.authorization).toBe(`Bearer ${DOTDIGITAL_DEFAULTS.accessToken}`);
		expect(result.raw).not.toContain(DOTDIGITAL_DEFAULTS.accessToken);
	});

	it('gets, reports status, redacts and deletes a message; posts an inbound and its status', async () => {
		const result = await n8n.execute('ddMessageLifecycle');
		expect(result.error).toBeUndefined();
		expect(result.output('Status')[0].status).toBe('processing');
		expect(result.output('PostStatus')[0].status).toBe('delivered');
		expect(result.output('Redact')[0]).toEqual({ updated: true });
		expect(result.output('Delete')[0]).toEqual({ deleted: true });
		expect(result.output('InboundStatus')[0].status).toBe('read');
		expect(dotdigitalState(sim).messages).toHaveLength(0);
	});

	it('reads the message history of a profile', async () => {
		const result = await n8n.execute('ddHistory');
		expect(result.error).toBeUndefined();
		const history = result.output('History');
		expect(history).toHaveLength(3);
		expect(history.every((m) => m.profileId === 'hist-1')).toBe(true);
	});
});
