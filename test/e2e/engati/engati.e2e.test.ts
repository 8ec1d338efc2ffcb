import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { ExecutionResult } from '../../../tools/harness/n8n';
import { chainWorkflow, N8n, nodeType } from '../../../tools/harness/n8n';
import type { Simulator } from '../../../tools/simulators/core/simulator';
import {
	createEngatiSimulator,
	demoCredential,
	ENGATI_DEFAULTS as D,
	engatiState,
} from '../../../tools/simulators/engati';

const GOOD = { engatiApi: { id: 'demo-engati', name: 'Engati (simulator)' } };
const WRONG_KEY = 'deadbeef-0000-4000-8000-000000000000-WrongK1';
const BAD = { engatiApi: { id: 'engati-wrong-key', name: 'Engati (wrong key)' } };
const ENGATI = nodeType('engati');

const engatiNode = (parameters: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({
	name: 'Engati',
	type: ENGATI,
	credentials: GOOD,
	parameters,
	...extra,
});

const template = {
	templateName: 'order_update',
	namespace: 'dd96ee84_2909_4425_86ba_8a7fb56c2d2a',
	languageCode: 'en_US',
	languagePolicy: 'deterministic',
};

const example = JSON.parse(
	readFileSync(path.join(__dirname, '../../../examples/engati-new-users-whatsapp.json'), 'utf8'),
) as { id: string };

const workflows = {
	example,
	users: chainWorkflow({
		id: 'engUsers',
		nodes: [
			engatiNode({
				resource: 'user',
				operation: 'getManyByAttribute',
				attributeName: 'segment',
				attributeValue: 'new',
				returnAll: true,
			}),
		],
	}),
	history: chainWorkflow({
		id: 'engHistory',
		items: [{ phone: '+91 95654 28256' }],
		nodes: [
			engatiNode({
				resource: 'conversation',
				operation: 'getHistory',
				channelUserId: '={{ $json.phone }}',
				returnAll: true,
				options: { pageSize: 100, startTime: '2026-10-01T00:00:00Z' },
			}),
		],
	}),
	historyLimit: chainWorkflow({
		id: 'engHistoryLimit',
		nodes: [
			engatiNode({
				resource: 'conversation',
				operation: 'getHistory',
				channelUserId: D.historyUser,
				returnAll: false,
				limit: 30,
				options: { pageSize: 20 },
			}),
		],
	}),
	templateBuilder: chainWorkflow({
		id: 'engTplBuilder',
		items: [
			{ phone: '+91 98765 43210', name: 'Asha', order: 'A-1' },
			{ phone: '919812345678', name: 'Ravi', order: 'A-2' },
		],
		nodes: [
			engatiNode({
				resource: 'whatsappTemplate',
				operation: 'send',
				phoneNumber: '={{ $json.phone }}',
				...template,
				componentsMode: 'builder',
				header: {
					value: {
						type: 'document',
						link: 'https://example.com/invoice.pdf',
						filename: 'invoice.pdf',
					},
				},
				bodyParameters: {
					parameter: [{ text: '={{ $json.name }}' }, { text: '={{ $json.order }}' }],
				},
				buttons: {
					button: [
						{ subType: 'quick_reply', index: 0, payload: `flow_${D.flowKey}` },
						{ subType: 'url', index: 1, text: '={{ $json.order }}' },
					],
				},
			}),
		],
	}),
	templateJson: chainWorkflow({
		id: 'engTplJson',
		nodes: [
			engatiNode({
				resource: 'whatsappTemplate',
				operation: 'send',
				phoneNumber: '+14155550123',
				templateName: 'welcome_offer',
				languageCode: 'en',
				languagePolicy: 'fallback',
				componentsMode: 'json',
				componentsJson:
					'[{"type":"header","parameters":[{"type":"image","image":{"link":"https://example.com/x.jpg"}}]},{"type":"body","parameters":[{"type":"text","text":"Jane"}]}]',
			}),
		],
	}),
	broadcast: chainWorkflow({
		id: 'engBroadcast',
		// Item 2's first message is personal: it must reach item 2's user only.
		items: [
			{ id: '+91 98765 43210', text: 'Sale starts now' },
			{ id: '919812345678', text: 'Sale starts now' },
			{ id: '14155550123', text: 'Jane, your order A-9 is late' },
		],
		nodes: [
			engatiNode({
				resource: 'broadcast',
				operation: 'send',
				channels: ['whatsapp'],
				channelUserId: '={{ $json.id }}',
				messages: { message: [{ text: '={{ $json.text }}' }, { text: 'Reply STOP to opt out' }] },
				broadcastTitle: 'Flash sale',
			}),
		],
	}),
	wrapper: chainWorkflow({
		id: 'engWrapper',
		items: [
			{ phone: '+919876543210', first: 'Asha' },
			{ phone: '+14155550123', first: 'Jane' },
		],
		nodes: [
			engatiNode({
				resource: 'broadcast',
				operation: 'sendViaWrapper',
				phoneNumber: '={{ $json.phone }}',
				userFields: { firstName: '={{ $json.first }}' },
				...template,
				componentsMode: 'builder',
				bodyParameters: { parameter: [{ text: '={{ $json.first }}' }] },
				broadcastTitle: 'Wrapper test',
				publishTime: '2030-01-01T10:00:00+05:30',
			}),
		],
	}),
	flows: chainWorkflow({
		id: 'engFlows',
		items: [{ v: 'v1' }, { v: 'v2' }],
		nodes: [
			engatiNode({
				resource: 'flow',
				operation: 'trigger',
				flowKey: D.flowKey,
				apiVersion: '={{ $json.v }}',
				channel: 'whatsapp',
				phoneNumber: '+91 98765 43210',
				userName: 'Asha',
				attributes: { values: [{ key: 'order_id', value: 'A-1' }] },
			}),
		],
	}),
	// Item 1 names a bot that does not exist (2003), item 2 a user Engati refuses (2000).
	flowContinue: chainWorkflow({
		id: 'engFlowCof',
		items: [
			{ bot: D.botKey, phone: '919876543210' },
			{ bot: '0000000000000000', phone: '919812345678' },
			{ bot: D.botKey, phone: '999000111222' },
			{ bot: D.botKey, phone: '14155550123' },
		],
		nodes: [
			engatiNode(
				{
					resource: 'flow',
					operation: 'trigger',
					flowKey: D.flowKey,
					apiVersion: 'v2',
					channel: 'whatsapp',
					phoneNumber: '={{ $json.phone }}',
					options: { botKey: '={{ $json.bot }}' },
				},
				{ onError: 'continueRegularOutput' },
			),
		],
	}),
	botNotFoundStops: chainWorkflow({
		id: 'engBot2003',
		nodes: [
			engatiNode({
				resource: 'user',
				operation: 'getManyByAttribute',
				attributeName: 'segment',
				attributeValue: 'new',
				returnAll: true,
				options: { botKey: 'ffffffffffffffff' },
			}),
		],
	}),
	wrongKey: chainWorkflow({
		id: 'engWrongKey',
		nodes: [
			{
				...engatiNode({
					resource: 'user',
					operation: 'getManyByAttribute',
					attributeName: 'segment',
					attributeValue: 'new',
					returnAll: true,
				}),
				credentials: BAD,
			},
		],
	}),
};

describe('Engati in a real n8n', () => {
	let sim: Simulator;
	let n8n: N8n;

	beforeAll(async () => {
		sim = createEngatiSimulator();
		const url = await sim.start();
		n8n = await N8n.create('engati');
		const good = demoCredential(url);
		await n8n.importCredentials([
			good,
			{
				id: 'engati-wrong-key',
				name: 'Engati (wrong key)',
				type: 'engatiApi',
				data: { ...good.data, apiKey: WRONG_KEY },
			},
		]);
		await n8n.importWorkflows(Object.values(workflows));
	});

	afterAll(async () => {
		await sim.stop();
		n8n.cleanup();
	});

	beforeEach(() => sim.reset());

	const run = async (workflow: { id: string }): Promise<ExecutionResult> => {
		const result = await n8n.execute(workflow.id);
		expect(result.raw).not.toContain(D.apiKey);
		expect(result.raw).not.toContain(WRONG_KEY);
		return result;
	};

	it('gets users by attribute with the raw key after Basic', async () => {
		const result = await run(workflows.users);
		expect(result.error).toBeUndefined();
		expect(result.output('Engati').map((u) => u.userId)).toEqual(['u-1', 'u-2', 'u-4']);
		const [request] = sim.accepted('getUsersByAttribute');
		expect(request.headers.authorization).toBe(`Basic ${D.apiKey}`);
		expect(request.query).toEqual({ attribute_name: 'segment', attribute_value: 'new' });
		expect(request.path).toBe(`/bot-api/v1.0/customer/${D.customerId}/bot/${D.botKey}/users`);
	});

	it('returns all conversation history by paging through three pages', async () => {
		const result = await run(workflows.history);
		expect(result.error).toBeUndefined();
		const items = result.items('Engati');
		expect(items).toHaveLength(250);
		expect(items[0].json).toMatchObject({ messageId: 'm-1', sender: 'user', text: 'Question 1' });
		expect(items.every((i) => (i.pairedItem as { item: number }).item === 0)).toBe(true);
		const calls = sim.accepted('getConversations');
		// The first page as documented (no page_number), then page 1, which repeats it (pages count
		// from 1 here) and is skipped, then pages 2 and 3.
		expect(calls.map((c) => c.query.page_number)).toEqual([undefined, '1', '2', '3']);
		expect(calls[0].path).toContain(`/channel-user/${D.historyUser}/conversations`);
		expect(calls[0].query).toMatchObject({
			page_size: '100',
			start_date: String(Date.UTC(2026, 9, 1)),
		});
	});

	// Engati's docs do not say whether pages count from 0 or 1, nor under which key the list comes.
	it.each([
		[
			'pages from 0, list under "messages"',
			{ historyPageBase: 0, historyListKey: 'messages' },
			[undefined, '1', '2'],
		],
		[
			'pages from 1, a bare list',
			{ historyPageBase: 1, historyListKey: 'array' },
			[undefined, '1', '2', '3'],
		],
	])('reads all 250 messages once each when %s', async (_label, config, pageNumbers) => {
		Object.assign(sim.data, config);
		try {
			const result = await run(workflows.history);
			expect(result.error).toBeUndefined();
			const ids = result.output('Engati').map((m) => m.messageId);
			expect(ids).toHaveLength(250);
			expect(new Set(ids).size).toBe(250);
			expect(ids[0]).toBe('m-1');
			expect(ids[249]).toBe('m-250');
			expect(sim.accepted('getConversations').map((c) => c.query.page_number)).toEqual(pageNumbers);
		} finally {
			delete sim.data.historyPageBase;
			delete sim.data.historyListKey;
		}
	});

	it('fails on a history envelope it does not know instead of returning nothing', async () => {
		sim.data.historyListKey = 'items';
		try {
			const result = await run(workflows.history);
			expect(result.error?.message).toMatch(
				/^Engati sent the conversation history in an unexpected shape: responseObject is an object with the keys items, pageNumber, pageSize, totalElements \[item 0\]$/,
			);
		} finally {
			delete sim.data.historyListKey;
		}
	});

	it('stops paging at the limit', async () => {
		const result = await run(workflows.historyLimit);
		expect(result.output('Engati')).toHaveLength(30);
		expect(sim.accepted('getConversations').map((c) => c.query.page_number)).toEqual([
			undefined,
			'1',
			'2',
		]);
	});

	it('sends a WhatsApp template built from fields and returns the message id', async () => {
		const result = await run(workflows.templateBuilder);
		expect(result.error).toBeUndefined();
		const out = result.output('Engati');
		expect(out).toHaveLength(2);
		expect(out[0]).toMatchObject({ phoneNumber: '+919876543210', templateName: 'order_update' });
		expect(out[0].messageId).toMatch(/^wamid\./);
		const [first] = sim.accepted('sendTemplate');
		expect(first.body).toEqual({
			phoneNumber: '+919876543210',
			payload: {
				name: 'order_update',
				namespace: 'dd96ee84_2909_4425_86ba_8a7fb56c2d2a',
				language: { policy: 'deterministic', code: 'en_US' },
				components: [
					{
						type: 'header',
						parameters: [
							{
								type: 'document',
								document: { link: 'https://example.com/invoice.pdf', filename: 'invoice.pdf' },
							},
						],
					},
					{
						type: 'body',
						parameters: [
							{ type: 'text', text: 'Asha' },
							{ type: 'text', text: 'A-1' },
						],
					},
					{
						type: 'button',
						sub_type: 'quick_reply',
						index: 0,
						parameters: [{ type: 'payload', payload: `flow_${D.flowKey}` }],
					},
					{
						type: 'button',
						sub_type: 'url',
						index: 1,
						parameters: [{ type: 'text', text: 'A-1' }],
					},
				],
			},
		});
	});

	it('sends a WhatsApp template with raw JSON components', async () => {
		const result = await run(workflows.templateJson);
		expect(result.error).toBeUndefined();
		const [request] = sim.accepted('sendTemplate');
		expect((request.body as any).payload).toEqual({
			name: 'welcome_offer',
			language: { policy: 'fallback', code: 'en' },
			components: [
				{
					type: 'header',
					parameters: [{ type: 'image', image: { link: 'https://example.com/x.jpg' } }],
				},
				{ type: 'body', parameters: [{ type: 'text', text: 'Jane' }] },
			],
		});
	});

	it("broadcasts one immediate v1 broadcast per distinct content: nobody gets another item's message", async () => {
		const before = Date.now();
		const result = await run(workflows.broadcast);
		expect(result.error).toBeUndefined();
		const calls = sim.accepted('sendBroadcast');
		expect(calls).toHaveLength(2);
		const [shared, personal] = calls.map((c) => c.body as any);
		expect(shared.audience).toEqual({
			rule: { channels: ['whatsapp'], channelUserIds: ['919876543210', '919812345678'] },
		});
		expect(shared.payload.content).toEqual([
			{ type: 'text', data: { message: 'Sale starts now' } },
			{ type: 'text', data: { message: 'Reply STOP to opt out' } },
		]);
		expect(personal.audience.rule.channelUserIds).toEqual(['14155550123']);
		expect(personal.payload.content[0]).toEqual({
			type: 'text',
			data: { message: 'Jane, your order A-9 is late' },
		});
		// What each recipient received, as the simulator delivered it.
		const received = (recipient: string) =>
			engatiState(sim)
				.deliveries.filter((d) => d.recipient === recipient)
				.flatMap((d) => d.content.map((c: any) => c.data.message));
		expect(received('919876543210')).toEqual(['Sale starts now', 'Reply STOP to opt out']);
		expect(received('14155550123')).toEqual([
			'Jane, your order A-9 is late',
			'Reply STOP to opt out',
		]);
		expect(Date.parse(shared.publishedOn)).toBeGreaterThanOrEqual(before - 60_000);
		expect(personal.publishedOn).toBe(shared.publishedOn);
		const items = result.items('Engati');
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json).toMatchObject({
			channelUserId: '919812345678',
			broadcastTitle: 'Flash sale',
			broadcastStatus: 'PUBLISHED',
			recipients: 2,
		});
		expect(items[2].json).toMatchObject({
			channelUserId: '14155550123',
			broadcastStatus: 'PUBLISHED',
			recipients: 1,
		});
	});

	it('sends a v2 wrapper broadcast per distinct template content, scheduled in UTC', async () => {
		const result = await run(workflows.wrapper);
		expect(result.error).toBeUndefined();
		const calls = sim.accepted('sendBroadcastWrapper');
		expect(calls).toHaveLength(2);
		const [asha, jane] = calls.map((c) => c.body as any);
		expect(asha.publishedOn).toBe('2030-01-01T04:30:00.000Z');
		expect(asha.users).toEqual([{ phoneNumber: '+919876543210', firstName: 'Asha' }]);
		expect(jane.users).toEqual([{ phoneNumber: '+14155550123', firstName: 'Jane' }]);
		expect(asha.payload.type).toBe('whatsapp_template');
		const params = (recipient: string) =>
			engatiState(sim)
				.deliveries.filter((d) => d.recipient === recipient)
				.map((d) => d.content[0].template.components);
		expect(params('+919876543210')).toEqual([
			[{ type: 'body', parameters: [{ type: 'text', text: 'Asha' }] }],
		]);
		expect(params('+14155550123')).toEqual([
			[{ type: 'body', parameters: [{ type: 'text', text: 'Jane' }] }],
		]);
		expect(result.output('Engati').map((o) => o.recipients)).toEqual([1, 1]);
	});

	it('triggers a flow with v1 query attributes and a v2 JSON body', async () => {
		const result = await run(workflows.flows);
		expect(result.error).toBeUndefined();
		expect(result.output('Engati')).toEqual([
			{ triggered: true, flowKey: D.flowKey, phoneNumber: '919876543210', response: true },
			{ triggered: true, flowKey: D.flowKey, phoneNumber: '919876543210', response: true },
		]);
		expect(sim.accepted('triggerFlowV1')[0].query).toEqual({
			'user.phone_no': '919876543210',
			'user.user_name': 'Asha',
			order_id: 'A-1',
		});
		expect(sim.accepted('triggerFlowV2')[0].body).toEqual({
			'user.channel': 'whatsapp',
			'user.phone_no': '919876543210',
			'user.user_name': 'Asha',
			order_id: 'A-1',
		});
	});

	it('shows code 2003 (bot not found) and a refused user on their own items and keeps the rest', async () => {
		const result = await run(workflows.flowContinue);
		expect(result.error).toBeUndefined();
		const items = result.items('Engati');
		expect(items.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(items[0].json.triggered).toBe(true);
		expect(items[1].json.error).toBe(
			'Engati returned an error (HTTP 200) [code 2003]: Bot not found [item 1]',
		);
		expect(items[2].json.error).toContain('[code 2000]: User 999000111222 could not be created');
		expect(items[2].json.error).toContain('[item 2]');
		expect(items[3].json.triggered).toBe(true);
		expect(engatiState(sim).flowTriggers.map((t) => t.attributes['user.phone_no'])).toEqual([
			'919876543210',
			'14155550123',
		]);
	});

	it('stops the workflow on code 2003 naming the item', async () => {
		const result = await run(workflows.botNotFoundStops);
		expect(result.error).toBeDefined();
		expect(result.error?.message).toBe(
			'Engati returned an error (HTTP 200) [code 2003]: Bot not found [item 0]',
		);
	});

	it('reports a wrong key as a clear 401 without the key', async () => {
		const result = await run(workflows.wrongKey);
		expect(result.error).toBeDefined();
		// The error carries Engati's own words (the simulator's 401 body).
		expect(result.error?.message).toBe(
			'Engati returned an error (HTTP 401): Invalid or revoked API key [item 0]',
		);
		expect(sim.requests('getUsersByAttribute')[0].status).toBe(401);
	});

	it('runs the example: new users not yet in the CRM get the welcome template', async () => {
		const result = await run(example);
		expect(result.error).toBeUndefined();
		expect(result.output('CRM Lookup').map((c) => c.phone)).toEqual(['919876543210']);
		expect(result.output('Send Welcome Template')).toEqual([
			expect.objectContaining({
				phoneNumber: '+919876543210',
				templateName: 'welcome_offer',
				messageId: expect.stringMatching(/^wamid\./),
			}),
		]);
		expect((sim.accepted('sendTemplate')[0].body as any).payload.components).toEqual([
			{ type: 'body', parameters: [{ type: 'text', text: 'Asha' }] },
		]);
	});
});
