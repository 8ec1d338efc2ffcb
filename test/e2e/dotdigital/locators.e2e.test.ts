/**
 * The resource locators ("From list" / "By ID") in a real n8n: each list search answers through
 * n8n's REST API exactly as the editor asks for it (`POST /rest/dynamic-node-parameters/
 * resource-locator-results` with the node's parameters and credential), and a workflow whose IDs are
 * locator values (`{ __rl, mode, value }`) runs next to one with the plain strings saved before.
 */
import type { N8n } from '../../../tools/harness/n8n';
import { chainWorkflow } from '../../../tools/harness/n8n';
import { N8nServer } from '../../../tools/harness/server';
import type { Simulator } from '../../../tools/simulators/core/simulator';
import { DOTDIGITAL_DEFAULTS } from '../../../tools/simulators/dotdigital';
import { CREDENTIAL, DD, node, startDotdigital } from './helpers';

const locator = (mode: 'list' | 'id', value: string, cachedResultName?: string) => ({
	__rl: true,
	mode,
	value,
	...(cachedResultName ? { cachedResultName } : {}),
});

const workflows = {
	locators: chainWorkflow({
		id: 'ddLocators',
		nodes: [
			node('Template', 'template', 'get', {
				templateId: locator('list', 'welcome', 'Welcome'),
			}),
			node('Webhook', 'webhook', 'get', { webhookId: locator('id', '{{WEBHOOK}}') }),
			node('Chat', 'chat', 'get', { chatId: locator('list', 'chat-help', 'Help desk (new)') }),
			node('Conversation', 'conversation', 'get', {
				conversationId: locator('id', 'conv-sales'),
			}),
			node('Profile', 'profile', 'get', { profileId: locator('list', 'p-007') }),
			// A workflow saved before the fields were locators: plain strings.
			node('Old', 'template', 'get', { templateId: 'order-confirmation' }),
			// Node version 2 simplifies large reads by default; Output can name the fields.
			{
				...node('Simple', 'profile', 'get', { profileId: locator('id', 'p-007') }),
				typeVersion: 2,
			},
			{
				...node('Picked', 'chat', 'get', {
					chatId: locator('id', 'chat-help'),
					output: 'fields',
					outputFields: 'name, channelId',
				}),
				typeVersion: 2,
			},
		],
	}),
};

describe('dotdigital CPaaS resource locators in a real n8n', () => {
	let sim: Simulator;
	let n8n: N8n;
	let server: N8nServer;
	let run: Awaited<ReturnType<N8n['execute']>>;

	beforeAll(async () => {
		let url = '';
		let webhookId = '';
		const started = await startDotdigital('dd-locators', [], (simUrl) => {
			url = simUrl;
			return [
				{
					id: 'demo-dotdigital',
					name: 'dotdigital CPaaS (simulator)',
					type: 'dotdigitalCpaasApi',
					data: {
						authMode: 'apiUser',
						region: 'r1',
						username: DOTDIGITAL_DEFAULTS.username,
						password: DOTDIGITAL_DEFAULTS.password,
						customBaseUrl: `${simUrl.replace(/\/+$/, '')}/cpaas`,
					},
				},
			];
		});
		sim = started.sim;
		n8n = started.n8n;
		const auth = `Basic ${Buffer.from(`${DOTDIGITAL_DEFAULTS.username}:${DOTDIGITAL_DEFAULTS.password}`).toString('base64')}`;
		const post = async (path: string, body: object) => {
			const response = await fetch(`${url.replace(/\/+$/, '')}/cpaas${path}`, {
				method: 'POST',
				headers: { authorization: auth, 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			if (!response.ok)
				throw new Error(`seed ${path}: ${response.status} ${await response.text()}`);
			return (await response.json()) as { id: string };
		};
		await post('/templates', {
			id: 'welcome',
			name: 'Welcome',
			messageParts: [{ type: 'text/plain', data: 'Hi' }],
		});
		await post('/templates', {
			id: 'order-confirmation',
			name: 'Order confirmation',
			messageParts: [{ type: 'text/plain', data: 'Thanks' }],
		});
		webhookId = (
			await post('/webhooks', {
				name: 'crm',
				url: 'https://crm.example.com/hooks',
				subscriptions: [{ type: 'message.delivered' }],
			})
		).id;
		await post('/chats', {
			id: 'chat-help',
			name: 'Help desk',
			channelId: 'web',
			teamId: 'team-1',
		});
		await post('/chats', {
			id: 'chat-billing',
			name: 'Billing',
			channelId: 'web',
			teamId: 'team-1',
		});
		await post('/conversations', {
			id: 'conv-sales',
			name: 'Sales',
			isPublic: true,
			roles: {
				owner: { canSend: true, canAddParticipants: true, canRemoveParticipants: true },
				participant: { canSend: true, canAddParticipants: false, canRemoveParticipants: false },
			},
		});
		for (let n = 0; n < 60; n++) {
			await post('/profiles', {
				id: `p-${String(n).padStart(3, '0')}`,
				email: `person${n}@example.com`,
				...(n === 7 ? { firstName: 'Jane', email: 'jane@example.com' } : {}),
			});
		}
		const workflow = JSON.parse(
			JSON.stringify(workflows.locators).replace('{{WEBHOOK}}', webhookId),
		) as { id: string };
		await n8n.importWorkflows([workflow]);
		run = await n8n.execute(workflow.id);
		server = await N8nServer.start(n8n);
	}, 600_000);

	afterAll(async () => {
		await server?.stop();
		await sim?.stop();
		n8n?.cleanup();
	});

	/** What the editor sends when a "From list" picker opens or its search box changes. */
	const search = async (
		resource: string,
		operation: string,
		field: string,
		methodName: string,
		filter?: string,
		paginationToken?: string,
	) =>
		await server.rest<{
			results: Array<{ name: string; value: string }>;
			paginationToken?: string;
		}>('POST', '/dynamic-node-parameters/resource-locator-results', {
			path: `parameters.${field}`,
			nodeTypeAndVersion: { name: DD, version: 1 },
			methodName,
			...(filter !== undefined ? { filter } : {}),
			...(paginationToken !== undefined ? { paginationToken } : {}),
			credentials: CREDENTIAL,
			currentNodeParameters: {
				resource,
				operation,
				[field]: { __rl: true, mode: 'list', value: '' },
			},
		});

	it('runs a workflow whose IDs are locator values, and one with plain string IDs', () => {
		expect(run.error).toBeUndefined();
		expect(run.status).toBe('success');
		expect(run.output('Template')[0]).toMatchObject({ id: 'welcome', name: 'Welcome' });
		expect(run.output('Webhook')[0]).toMatchObject({ name: 'crm' });
		expect(run.output('Chat')[0]).toMatchObject({ id: 'chat-help' });
		expect(run.output('Conversation')[0]).toMatchObject({ id: 'conv-sales' });
		expect(run.output('Profile')[0]).toMatchObject({ id: 'p-007', firstName: 'Jane' });
		expect(run.output('Old')[0]).toMatchObject({ id: 'order-confirmation' });
		// Version 1 kept the whole record (system fields too); version 2 the simplified one.
		expect(run.output('Profile')[0]).toHaveProperty('_createdBy');
		expect(Object.keys(run.output('Simple')[0]).sort()).toEqual(
			['_createdOn', '_updatedOn', 'email', 'firstName', 'id'].sort(),
		);
		expect(run.output('Picked')[0]).toEqual({ name: 'Help desk', channelId: 'web' });
		expect(sim.accepted().map((r) => `${r.method} ${r.path}`)).toEqual(
			expect.arrayContaining([
				'GET /cpaas/templates/welcome',
				'GET /cpaas/chats/chat-help',
				'GET /cpaas/conversations/conv-sales',
				'GET /cpaas/profiles/p-007',
				'GET /cpaas/templates/order-confirmation',
			]),
		);
	});

	it('lists templates, webhooks, chats and conversations, and filters them', async () => {
		expect((await search('template', 'get', 'templateId', 'searchTemplates')).results).toEqual([
			{ name: 'Order confirmation', value: 'order-confirmation' },
			{ name: 'Welcome', value: 'welcome' },
		]);
		expect(
			(await search('template', 'delete', 'templateId', 'searchTemplates', 'welc')).results,
		).toEqual([{ name: 'Welcome', value: 'welcome' }]);
		const webhooks = await search('webhook', 'get', 'webhookId', 'searchWebhooks');
		expect(webhooks.results).toEqual([
			{ name: 'crm (https://crm.example.com/hooks)', value: expect.any(String) },
		]);
		expect((await search('chat', 'close', 'chatId', 'searchChats')).results).toEqual([
			{ name: 'Billing', value: 'chat-billing' },
			{ name: 'Help desk', value: 'chat-help' },
		]);
		expect(
			(await search('conversationMessage', 'send', 'conversationId', 'searchConversations', 'SAL'))
				.results,
		).toEqual([{ name: 'Sales', value: 'conv-sales' }]);
	});

	it('searches profiles on the server and pages through them', async () => {
		const first = await search('profile', 'get', 'profileId', 'searchProfiles');
		expect(first.results).toHaveLength(50);
		expect(first.paginationToken).toBe('50');
		const second = await search('profile', 'get', 'profileId', 'searchProfiles', undefined, '50');
		expect(second.results.map((r) => r.value)).toEqual(
			Array.from({ length: 10 }, (_, n) => `p-0${50 + n}`),
		);
		expect(second.paginationToken).toBeUndefined();
		expect(
			(await search('profile', 'update', 'profileId', 'searchProfiles', 'jane@')).results,
		).toEqual([{ name: 'Jane, jane@example.com (p-007)', value: 'p-007' }]);
		// The search went to the API as a filter, not through a full listing.
		const asked = sim.accepted().filter((r) => r.method === 'GET' && r.path === '/cpaas/profiles');
		expect(asked.map((r) => r.query)).toEqual([
			expect.objectContaining({ $skip: '0', $limit: '50' }),
			expect.objectContaining({ $skip: '50', $limit: '50' }),
			expect.objectContaining({ email: '^jane@', $skip: '0' }),
		]);
		expect(server.output).not.toContain(DOTDIGITAL_DEFAULTS.password);
	});
});
