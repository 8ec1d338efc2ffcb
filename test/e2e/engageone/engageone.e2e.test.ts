import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { WorkflowNode } from '../../../tools/harness/n8n';
import { chainWorkflow, N8n, nodeType } from '../../../tools/harness/n8n';
import type { Simulator } from '../../../tools/simulators/core/simulator';
import {
	createEngageOneSimulator,
	demoCredential,
	ENGAGEONE_DEFAULTS,
	engageOneState,
	eocmCustomerId,
	expireEngageOneTokens,
} from '../../../tools/simulators/engageone';

const WRONG_SECRET = 'not-the-secret-9f8e7d';
const credentialRef = (id: string) => ({
	engageOneCommunicateApi: { id, name: `EngageOne ${id}` },
});

const sendNode = (
	credentialId: string,
	parameters: Record<string, unknown>,
	extra: Partial<WorkflowNode> = {},
): WorkflowNode => ({
	name: 'EngageOne',
	type: nodeType('engageOneCommunicate'),
	credentials: credentialRef(credentialId),
	parameters: {
		resource: 'campaign',
		operation: 'sendTransactional',
		campaign: 'order confirmation',
		project: 'Samples',
		communication: 'Example',
		sender: 'sender@example.com',
		subject: 'Your order',
		...parameters,
	},
	...extra,
});

const THOUSAND = {
	js: 'return Array.from({ length: 1000 }, (_, i) => ({ customer_email: `user${i}@example.com`, name: `User ${i}` }));',
};

const workflows = {
	v2Thousand: chainWorkflow({
		id: 'eoV2Thousand',
		items: THOUSAND,
		nodes: [
			sendNode('eo-v2', {
				emailField: 'customer_email',
				additionalFields: { senderName: 'Shop', replyTo: 'help@example.com' },
			}),
		],
	}),
	v1Thousand: chainWorkflow({
		id: 'eoV1Thousand',
		items: THOUSAND,
		nodes: [
			sendNode('eo-v1', {
				apiVersion: 'v1',
				emailField: 'customer_email',
				additionalFields: { ignoreMissingFields: false },
			}),
		],
	}),
	perItem: chainWorkflow({
		id: 'eoPerItem',
		items: [{ email: 'a@example.com' }, { email: 'b@example.com' }, { email: 'c@example.com' }],
		nodes: [sendNode('eo-expiry', { sendMode: 'perItem' })],
	}),
	wrongSecret: chainWorkflow({
		id: 'eoWrongSecret',
		items: [{ email: 'a@example.com' }],
		nodes: [sendNode('eo-bad', {})],
	}),
	badItem: chainWorkflow({
		id: 'eoBadItem',
		items: [{ email: 'a@example.com' }, { name: 'no address' }, { email: 'c@example.com' }],
		nodes: [sendNode('eo-main', {}, { onError: 'continueRegularOutput' })],
	}),
	// The same Private API call with the Customer ID (eo-main) and with the eocm- form (eo-eocm) as PB-Customer-Id.
	customerHeader: chainWorkflow({
		id: 'eoCustomerHeader',
		nodes: ['eo-main', 'eo-eocm'].map(
			(id): WorkflowNode => ({
				name: id,
				type: nodeType('engageOneCommunicate'),
				credentials: credentialRef(id),
				parameters: {
					resource: 'apiRequest',
					operation: 'request',
					api: 'private',
					method: 'GET',
					path: '/projects',
				},
				onError: 'continueRegularOutput',
			}),
		),
	}),
	apiRequest: chainWorkflow({
		id: 'eoApiRequest',
		nodes: [
			{
				name: 'List Projects',
				type: nodeType('engageOneCommunicate'),
				credentials: credentialRef('eo-main'),
				parameters: {
					resource: 'apiRequest',
					operation: 'request',
					api: 'private',
					method: 'GET',
					path: '/projects',
				},
			},
			{
				name: 'Unsubscribe',
				type: nodeType('engageOneCommunicate'),
				credentials: credentialRef('eo-main'),
				parameters: {
					resource: 'apiRequest',
					operation: 'request',
					api: 'public',
					method: 'POST',
					path: '/unsubscribe',
					sendBody: true,
					body: '={{ JSON.stringify({ email: $json.name.toLowerCase() + "@example.com" }) }}',
				},
			},
		],
	}),
};

describe('EngageOne Communicate in a real n8n', () => {
	let sim: Simulator;
	let url: string;
	let n8n: N8n;

	beforeAll(async () => {
		sim = createEngageOneSimulator();
		url = await sim.start();
		n8n = await N8n.create('engageone');
		const data = (secret = ENGAGEONE_DEFAULTS.secret) => ({
			clientId: ENGAGEONE_DEFAULTS.clientId,
			secret,
			customerId: ENGAGEONE_DEFAULTS.customerId,
			region: 'us-east-1',
			usersApiUrl: url,
			apiUrl: url,
			customHosts: true,
			publicApiUrl: `${url}/public`,
		});
		const ids = ['eo-v2', 'eo-v1', 'eo-expiry', 'eo-main', 'eo-http'];
		await n8n.importCredentials([
			...ids.map((id) => ({
				id,
				name: `EngageOne ${id}`,
				type: 'engageOneCommunicateApi',
				data: data(),
			})),
			{
				id: 'eo-bad',
				name: 'EngageOne eo-bad',
				type: 'engageOneCommunicateApi',
				data: data(WRONG_SECRET),
			},
			{
				id: 'eo-eocm',
				name: 'EngageOne eo-eocm',
				type: 'engageOneCommunicateApi',
				data: { ...data(), customerIdHeader: eocmCustomerId(ENGAGEONE_DEFAULTS.companyName) },
			},
			demoCredential(url),
		]);
		const httpNode = chainWorkflow({
			id: 'eoHttpNode',
			nodes: [
				{
					name: 'HTTP Request',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					credentials: credentialRef('eo-http'),
					parameters: {
						method: 'POST',
						url: `${url}/campaigns/v2/from-http-node/transactional`,
						authentication: 'predefinedCredentialType',
						nodeCredentialType: 'engageOneCommunicateApi',
						sendBody: true,
						specifyBody: 'json',
						jsonBody:
							'{"communication":"Example","dataset":[{"customer_email":"x@example.com"}],"email_json_path":"customer_email","sender":"sender@example.com","subject":"Hi","project":"Samples","ignore_missing_fields":true}',
						options: {},
					},
				},
			],
		});
		const example = JSON.parse(
			readFileSync(
				path.join(__dirname, '../../../examples/engageone-chat-transcript-email.json'),
				'utf8',
			),
		);
		await n8n.importWorkflows([...Object.values(workflows), httpNode, example]);
	});

	afterAll(async () => {
		await sim.stop();
		n8n.cleanup();
	});

	beforeEach(() => sim.reset());

	it('sends 1,000 items in v2 shape in two calls of 500 with one token exchange', async () => {
		const result = await n8n.execute('eoV2Thousand');
		expect(result.error).toBeUndefined();
		expect(engageOneState(sim).exchanges).toBe(1);
		const calls = sim.accepted('transactionalCampaignV2');
		expect(calls).toHaveLength(2);
		expect(calls[0].path).toBe('/campaigns/v2/order%20confirmation/transactional');
		expect(calls[0].headers['pb-customer-id']).toBe(ENGAGEONE_DEFAULTS.customerId);
		const body = calls[0].body as Record<string, any>;
		expect(body).toEqual({
			communication: 'Example',
			dataset: expect.any(Array),
			email_json_path: 'customer_email',
			sender: 'sender@example.com',
			sender_name: 'Shop',
			reply_to: 'help@example.com',
			subject: 'Your order',
			project: 'Samples',
			ignore_missing_fields: true,
		});
		expect(body.dataset).toHaveLength(500);
		expect(body.dataset[0]).toEqual({ customer_email: 'user0@example.com', name: 'User 0' });
		const sendIds = engageOneState(sim).sends.map((s) => s.sendId);
		const out = result.items('EngageOne');
		expect(out).toHaveLength(1000);
		out.forEach((item, i) => {
			expect(item.pairedItem).toEqual({ item: i });
			expect(item.json).toMatchObject({
				send_id: sendIds[i < 500 ? 0 : 1],
				email: `user${i}@example.com`,
				rowsInCall: 500,
			});
		});
		expect(result.raw).not.toContain(ENGAGEONE_DEFAULTS.secret);
	});

	it('sends 1,000 items in v1 shape with a JSONPath and one token exchange', async () => {
		const result = await n8n.execute('eoV1Thousand');
		expect(result.error).toBeUndefined();
		expect(engageOneState(sim).exchanges).toBe(1);
		const calls = sim.accepted('transactionalCampaignV1');
		expect(calls).toHaveLength(2);
		expect(calls[1].path).toBe('/campaigns/order%20confirmation/transactional');
		expect(calls[1].body).toMatchObject({
			email_json_path: '$[*].customer_email',
			ignore_missing_fields: false,
		});
		expect((calls[1].body as any).dataset).toHaveLength(500);
		expect(result.output('EngageOne')).toHaveLength(1000);
	});

	it('reuses the token across executions and refreshes an expired one without the user noticing', async () => {
		const first = await n8n.execute('eoPerItem');
		expect(first.error).toBeUndefined();
		expect(engageOneState(sim).exchanges).toBe(1);
		expect(sim.accepted('transactionalCampaignV2')).toHaveLength(3);

		const second = await n8n.execute('eoPerItem');
		expect(second.error).toBeUndefined();
		expect(engageOneState(sim).exchanges).toBe(1); // the stored token served the second run

		expireEngageOneTokens(sim);
		const third = await n8n.execute('eoPerItem');
		expect(third.error).toBeUndefined();
		expect(third.output('EngageOne').map((j) => j.email)).toEqual([
			'a@example.com',
			'b@example.com',
			'c@example.com',
		]);
		expect(engageOneState(sim).exchanges).toBe(2);
		const refused = sim.requests('transactionalCampaignV2').filter((r) => r.status === 401);
		expect(refused).toHaveLength(1);
		expect(sim.accepted('transactionalCampaignV2')).toHaveLength(9);
	});

	it('fails a wrong secret with a clear message that does not contain the secret', async () => {
		const result = await n8n.execute('eoWrongSecret');
		expect(result.error).toBeDefined();
		expect(result.error?.message).toMatch(
			/did not issue a token \(HTTP 401\).*check the Client ID, Secret and Customer ID.*\[item 0\]$/,
		);
		expect(engageOneState(sim).failedExchanges).toBeGreaterThanOrEqual(1);
		expect(sim.requests('transactionalCampaignV2')).toHaveLength(0);
		expect(result.raw).not.toContain(WRONG_SECRET);
	});

	it('fails only the item without an email address under continue-on-fail', async () => {
		const result = await n8n.execute('eoBadItem');
		expect(result.error).toBeUndefined();
		const out = result.items('EngageOne');
		expect(out).toHaveLength(3);
		expect(out[0].json.send_id).toEqual(expect.any(String));
		expect(out[1].json.error).toMatch(/no email address in the field "email".*\[item 1\]/);
		expect(out[1].pairedItem).toEqual({ item: 1 });
		expect(out[2].json).toMatchObject({ email: 'c@example.com', rowsInCall: 2 });
		const [call] = sim.accepted('transactionalCampaignV2');
		expect((call.body as any).dataset).toEqual([
			{ email: 'a@example.com' },
			{ email: 'c@example.com' },
		]);
	});

	// EngageOne's header table and its REST example disagree on PB-Customer-Id: each reading works
	// when the credential's header field matches it, and the other fails clearly, naming the field.
	it.each([
		['the customer ID (REST example)', 'customer-id', 'eo-main', 'eo-eocm'],
		['eocm- plus the company name (header table)', 'eocm', 'eo-eocm', 'eo-main'],
	])(
		'PB-Customer-Id as %s: the matching credential works, the other gets a 403 naming the header field',
		async (_label, form, good, bad) => {
			sim.data.pbCustomerIdForm = form;
			try {
				const result = await n8n.execute('eoCustomerHeader');
				expect(result.error).toBeUndefined();
				expect(result.output(good)).toEqual([{ name: 'Samples' }, { name: 'my-project' }]);
				const [failed] = result.output(bad);
				expect(failed.error).toMatch(
					/HTTP 403.*PB-Customer-Id .* is not the company this token acts for/,
				);
				expect(failed.description).toContain('"PB-Customer-Id Header"');
				// (The second node runs once per item of the first: one or two calls.)
				const headers = new Set(
					sim.requests('listProjects').map((r) => r.headers['pb-customer-id']),
				);
				expect([...headers].sort()).toEqual(
					['eocm-Acme-Corp', ENGAGEONE_DEFAULTS.customerId].sort(),
				);
				// The token request always carries the short customer ID, whatever the header says.
				const exchanges = sim.requests().filter((r) => r.path === '/authenticate');
				for (const exchange of exchanges)
					expect((exchange.body as any).customer_id).toBe(ENGAGEONE_DEFAULTS.customerId);
				expect(result.raw).not.toContain(ENGAGEONE_DEFAULTS.secret);
			} finally {
				delete sim.data.pbCustomerIdForm;
			}
		},
	);

	it('calls a Private API path and a Public API path through API Request', async () => {
		const result = await n8n.execute('eoApiRequest');
		expect(result.error).toBeUndefined();
		expect(result.output('List Projects')).toEqual([{ name: 'Samples' }, { name: 'my-project' }]);
		expect(result.output('Unsubscribe')).toEqual([
			{ email: 'samples@example.com', unsubscribed: true },
			{ email: 'my-project@example.com', unsubscribed: true },
		]);
		const [projects] = sim.accepted('listProjects');
		expect(projects.headers.authorization).toMatch(/^Bearer eyJ/);
		expect(sim.accepted('addUnsubscribe').map((r) => r.path)).toEqual([
			'/public/unsubscribe',
			'/public/unsubscribe',
		]);
		expect(engageOneState(sim).unsubscribes).toEqual([
			'samples@example.com',
			'my-project@example.com',
		]);
	});

	it("works as a predefined credential in n8n's HTTP Request node", async () => {
		const result = await n8n.execute('eoHttpNode');
		expect(result.error).toBeUndefined();
		expect(result.output('HTTP Request')).toEqual([{ send_id: expect.any(String) }]);
		expect(engageOneState(sim).exchanges).toBe(1);
		const [call] = sim.accepted('transactionalCampaignV2');
		expect(call.headers['pb-customer-id']).toBe(ENGAGEONE_DEFAULTS.customerId);
		expect(result.raw).not.toContain(ENGAGEONE_DEFAULTS.secret);
	});

	it('runs the chat transcript example', async () => {
		const result = await n8n.execute('eoChatTranscript');
		expect(result.error).toBeUndefined();
		expect(result.output('Email Transcript')).toEqual([
			expect.objectContaining({
				send_id: expect.any(String),
				email: 'henry@example.com',
				apiVersion: 'v1',
			}),
		]);
		const [call] = sim.accepted('transactionalCampaignV1');
		expect(call.path).toBe('/campaigns/mycampaign/transactional');
		expect(call.body).toMatchObject({
			communication: 'Thanks',
			email_json_path: '$[*].email',
			project: 'my-project',
			ignore_missing_fields: true,
			dataset: [
				{
					name: 'Henry',
					email: 'henry@example.com',
					chatHistory: expect.stringContaining('Assistant: Done.'),
				},
			],
		});
	});
});
