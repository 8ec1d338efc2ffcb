/**
 * The dotdigital CPaaS Trigger in a real n8n server: activation registers a webhook in the
 * simulator with n8n's production URL, the simulator delivers signed single and batched events to
 * it, forged / unsigned / replayed deliveries start nothing, and deactivation removes the webhook.
 */
import type { Simulator } from '../../simulators/core/simulator';
import { authToken } from '../../simulators/core/simulator';
import type { StoredWebhook } from '../../simulators/dotdigital/webhooks';
import {
	createWebhookSimulator,
	deliverEvents,
	makeEvent,
	replayDelivery,
	WEBHOOK_OPERATIONS,
} from '../../simulators/dotdigital/webhooks';
import { N8n, nodeType } from '../../harness/n8n';
import { N8N_MAJOR } from '../../harness/env';
import { N8nServer } from '../../harness/server';

/**
 * Replay protection keeps seen event ids in the workflow's static data, written inside `webhook()`.
 * n8n 2.x does not save static data that `webhook()` changes when the webhook starts an execution,
 * so on 2.x a replay starts a new execution: these tests are expected to fail there until replay
 * protection no longer depends on that (the exactly-once redesign of the trigger).
 */
const itReplayProtected = (name: string, fn: () => Promise<void>) =>
	N8N_MAJOR >= 2
		? it.failing(`${name} [expected to fail on n8n 2.x: static data written in webhook() is not saved]`, fn)
		: it(name, fn);

const USERNAME = 'apiuser-e2e@apiconnector.com';
const PASSWORD = 'dd-e2e-password-7c1f';

/** The webhook endpoints of dotdigital's OpenAPI file with HTTP Basic, enough for the trigger. */
function webhookSimulator(state: Record<string, any>): Simulator {
	return createWebhookSimulator(state, (req) =>
		authToken(req, 'Basic') === Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64')
			? undefined
			: { status: 401, body: {} },
	);
}

const TRIGGER = 'CPaaS Trigger';
const WEBHOOK_ID = '6f1c3f2e-2b7a-4d59-9a43-0f3b2d1e8c11';
const WORKFLOW_ID = 'ddTrigger0001';
const CREDENTIAL = { id: 'dd-trigger-cred', name: 'dotdigital (trigger e2e)' };

function triggerWorkflow() {
	return {
		id: WORKFLOW_ID,
		name: 'dotdigital trigger e2e',
		active: false,
		nodes: [
			{
				id: 'dd-trigger-node',
				name: TRIGGER,
				type: nodeType('dotdigitalCpaasTrigger'),
				typeVersion: 1,
				position: [0, 0],
				webhookId: WEBHOOK_ID,
				parameters: {
					events: ['message.sent', 'message.delivered'],
					subscriptionFilters: { filter: [{ name: 'channel', value: 'sms' }] },
					batch: true,
					maxBatchSize: 50,
					batchTimeout: 2,
					options: { webhookName: 'n8n e2e' },
				},
				credentials: { dotdigitalCpaasApi: CREDENTIAL },
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

describe('dotdigital CPaaS Trigger in a real n8n', () => {
	const state: Record<string, any> = {};
	let sim: Simulator;
	let n8n: N8n;
	let server: N8nServer;
	let hook: StoredWebhook;

	const activeHooks = () => [...(state.webhooks as Map<string, StoredWebhook>).values()].filter((h) => !h._deleted);
	const executionCount = async () => (await server.executions(WORKFLOW_ID)).length;
	const settle = () => new Promise((r) => setTimeout(r, 1500));

	beforeAll(async () => {
		sim = webhookSimulator(state);
		const url = await sim.start();
		n8n = await N8n.create('dd-trigger');
		await n8n.importCredentials([
			{
				...CREDENTIAL,
				type: 'dotdigitalCpaasApi',
				data: { authMode: 'apiUser', region: 'r1', username: USERNAME, password: PASSWORD, customBaseUrl: `${url}/cpaas` },
			},
		]);
		await n8n.importWorkflows([triggerWorkflow()]);
		server = await N8nServer.start(n8n);
	}, 300_000);

	afterAll(async () => {
		await server?.stop();
		await sim?.stop();
		n8n?.cleanup();
	});

	it('registers a webhook with n8n production URL, a generated secret and the chosen events on activation', async () => {
		await server.activate(WORKFLOW_ID);
		const created = sim.accepted(WEBHOOK_OPERATIONS.create);
		expect(created).toHaveLength(1);
		expect(activeHooks()).toHaveLength(1);
		hook = activeHooks()[0];
		expect(hook.url).toBe(server.webhookUrl(WEBHOOK_ID, 'webhook'));
		expect(hook.url).toBe(`${server.baseUrl}/webhook/${WEBHOOK_ID}/webhook`);
		expect(hook.secret).toMatch(/^[0-9a-f]{64}$/);
		expect(hook.name).toBe('n8n e2e');
		expect(hook.subscriptions).toEqual([
			{ type: 'message.delivered', filters: [{ name: 'channel', value: 'sms' }] },
			{ type: 'message.sent', filters: [{ name: 'channel', value: 'sms' }] },
		]);
		expect({ batch: hook.batch, maxBatchSize: hook.maxBatchSize, batchTimeout: hook.batchTimeout }).toEqual({
			batch: true,
			maxBatchSize: 50,
			batchTimeout: 2,
		});
	});

	let single: Awaited<ReturnType<typeof deliverEvents>>[number];
	const sent = makeEvent('message.sent', { details: { channel: 'sms', additionalInfo: { to: '447123123123' } } });
	const batch = [makeEvent('message.delivered'), makeEvent('message.sent'), makeEvent('message.delivered')];

	it('turns a signed single delivery into one item', async () => {
		[single] = await deliverEvents(state, hook.id, [sent], { mode: 'single' });
		expect(single.status).toBe(200);
		const [execution] = await server.waitForExecutions(WORKFLOW_ID, 1);
		expect(execution.status).toBe('success');
		expect(execution.output(TRIGGER)).toEqual([sent]);
	});

	it('turns a signed batch into one item per event, in order', async () => {
		const outcomes = await deliverEvents(state, hook.id, batch);
		expect(outcomes).toHaveLength(1);
		expect(JSON.parse(outcomes[0].rawBody)).toHaveLength(3);
		expect(outcomes[0].status).toBe(200);
		const executions = await server.waitForExecutions(WORKFLOW_ID, 2);
		expect(executions[1].output(TRIGGER).map((e) => e.eventId)).toEqual(batch.map((e) => e.eventId));
	});

	it('answers 401 to forged, unsigned and wrongly keyed deliveries and starts no execution', async () => {
		const before = await executionCount();
		for (const signature of ['forged', 'missing', 'wrongSecret'] as const) {
			const [outcome] = await deliverEvents(state, hook.id, [makeEvent('message.sent')], {
				mode: 'single',
				signature,
				maxAttempts: 1,
			});
			expect(outcome.status).toBe(401);
			expect(outcome.responseBody).toBe('Unauthorized');
		}
		await settle();
		expect(await executionCount()).toBe(before);
	});

	itReplayProtected('acknowledges a replayed delivery but starts no execution, and keeps only new events of a mixed batch', async () => {
		const before = await executionCount();
		const replay = await replayDelivery(state, hook.id, single);
		expect(replay.status).toBe(200);
		await settle();
		expect(await executionCount()).toBe(before);

		const fresh = makeEvent('message.sent');
		const [mixed] = await deliverEvents(state, hook.id, [batch[1], fresh, batch[2]]);
		expect(mixed.status).toBe(200);
		const executions = await server.waitForExecutions(WORKFLOW_ID, before + 1);
		expect(executions[executions.length - 1].output(TRIGGER)).toEqual([fresh]);
	});

	it('never shows the webhook secret or the API password in n8n output or executions', async () => {
		const executions = await server.waitForExecutions(WORKFLOW_ID, 3);
		const everything = server.output + JSON.stringify(executions.map((e) => e.data));
		expect(everything).not.toContain(hook.secret!);
		expect(everything).not.toContain(PASSWORD);
	});

	itReplayProtected('keeps its webhook, secret and remembered events across an n8n restart, registering nothing', async () => {
		const port = server.port;
		await server.stop();
		const before = sim.requests().length;
		server = await N8nServer.start(n8n, { port });
		const during = sim.requests().slice(before);
		// n8n 1.123 keeps the webhook rows in its database and skips the lifecycle on restart; a
		// checkExists (GET) would be fine, any write would not.
		expect(during.filter((r) => r.method !== 'GET')).toEqual([]);
		expect(activeHooks().map((h) => h.id)).toEqual([hook.id]);

		const executions = await executionCount();
		expect((await replayDelivery(state, hook.id, single)).status).toBe(200);
		const [next] = await deliverEvents(state, hook.id, [makeEvent('message.delivered')]);
		expect(next.status).toBe(200);
		const after = await server.waitForExecutions(WORKFLOW_ID, executions + 1);
		expect(after).toHaveLength(executions + 1);
		expect(after[after.length - 1].output(TRIGGER)).toEqual([JSON.parse(next.rawBody)[0]]);
	});

	it('removes the remote webhook on deactivation and then refuses deliveries', async () => {
		await server.deactivate(WORKFLOW_ID);
		expect(sim.accepted(WEBHOOK_OPERATIONS.delete)).toHaveLength(1);
		expect(sim.accepted(WEBHOOK_OPERATIONS.delete)[0].path).toBe(`/cpaas/webhooks/${hook.id}`);
		expect(activeHooks()).toHaveLength(0);
		const response = await fetch(hook.url, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
		expect(response.status).toBe(404);
	});

	it('re-registers with a new secret, and deactivates cleanly when the remote webhook is already gone', async () => {
		await server.activate(WORKFLOW_ID);
		expect(activeHooks()).toHaveLength(1);
		const second = activeHooks()[0];
		expect(second.id).not.toBe(hook.id);
		expect(second.secret).not.toBe(hook.secret);
		// The old secret no longer opens the door.
		const stale = await replayDelivery(state, second.id, single);
		expect(stale.status).toBe(401);

		second._deleted = true; // someone removed it in the dotdigital portal
		await server.deactivate(WORKFLOW_ID);
		const workflow = await server.workflow(WORKFLOW_ID);
		expect(workflow.active).toBe(false);
		expect(sim.requests(WEBHOOK_OPERATIONS.delete).map((r) => r.status)).toEqual([204, 404]);
	});
});
