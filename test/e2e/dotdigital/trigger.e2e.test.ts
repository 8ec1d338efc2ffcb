/**
 * The dotdigital CPaaS Trigger in a real n8n server: activation registers a webhook in the
 * simulator with n8n's production URL, the simulator delivers signed single and batched events to
 * it, forged / unsigned / replayed deliveries start nothing, and deactivation removes the webhook.
 */
import { readdirSync, readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import type { Simulator } from '../../../tools/simulators/core/simulator';
import { authToken } from '../../../tools/simulators/core/simulator';
import type { StoredWebhook } from '../../../tools/simulators/dotdigital/webhooks';
import {
	createWebhookSimulator,
	deliverEvents,
	makeEvent,
	replayDelivery,
	sendRaw,
	signBody,
	WEBHOOK_OPERATIONS,
} from '../../../tools/simulators/dotdigital/webhooks';
import { N8n, nodeType } from '../../../tools/harness/n8n';
import { N8nServer } from '../../../tools/harness/server';

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

const ACTION = 'Action';

/**
 * A loopback stand-in for the workflow's actions: the workflow's HTTP Request node posts each item's
 * `eventId` here, so "reached the actions" is counted where an action would happen.
 */
async function startActionSink(): Promise<{
	url: string;
	counts: Map<string, number>;
	total(): number;
	stop(): Promise<void>;
}> {
	const counts = new Map<string, number>();
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			try {
				const id = String(JSON.parse(Buffer.concat(chunks).toString('utf8')).eventId);
				counts.set(id, (counts.get(id) ?? 0) + 1);
			} catch {
				// not ours
			}
			res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/action`,
		counts,
		total: () => [...counts.values()].reduce((a, b) => a + b, 0),
		stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

function triggerWorkflow(actionUrl: string) {
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
					settings: { webhookName: 'n8n e2e' },
				},
				credentials: { dotdigitalCpaasApi: CREDENTIAL },
			},
			{
				id: 'dd-trigger-action',
				name: ACTION,
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				position: [220, 0],
				parameters: {
					method: 'POST',
					url: actionUrl,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: '={{ JSON.stringify({ eventId: $json.eventId }) }}',
					options: {},
				},
			},
		],
		connections: { [TRIGGER]: { main: [[{ node: ACTION, type: 'main', index: 0 }]] } },
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
	let sink: Awaited<ReturnType<typeof startActionSink>>;

	const activeHooks = () =>
		[...(state.webhooks as Map<string, StoredWebhook>).values()].filter((h) => !h._deleted);
	const executionCount = async () =>
		(
			await server.rest<{ count: number }>(
				'GET',
				`/executions?filter=${encodeURIComponent(JSON.stringify({ workflowId: WORKFLOW_ID }))}&limit=1`,
			)
		).count;
	const settle = () => new Promise((r) => setTimeout(r, 1500));
	const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

	/** Waits until n8n runs no execution of the workflow and the action sink has been quiet for a while. */
	async function waitIdle(quietMs = 2500, timeoutMs = 120_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		let last = -1;
		let quietSince = Date.now();
		while (Date.now() < deadline) {
			const filter = encodeURIComponent(
				JSON.stringify({ workflowId: WORKFLOW_ID, status: ['new', 'running'] }),
			);
			// Under load n8n may answer 503 ("Database is not ready") for a moment: that counts as busy.
			const busy = await server
				.rest<{ count: number }>('GET', `/executions?filter=${filter}&limit=1`)
				.then(
					(r) => r.count,
					() => 1,
				);
			const total = sink.total();
			if (total !== last || busy > 0) {
				last = total;
				quietSince = Date.now();
			} else if (Date.now() - quietSince >= quietMs) {
				return;
			}
			await sleep(250);
		}
		throw new Error('n8n did not become idle');
	}

	/** Waits until the simulator saw `count` accepted calls of an operation (n8n 2.x (de)activates a moment after answering). */
	async function simCalls(operation: string, count: number): Promise<void> {
		for (let i = 0; i < 40 && sim.accepted(operation).length < count; i++) await sleep(250);
	}

	/** How often each event reached the workflow's action, summed up: every event should be `once`. */
	function reached(ids: string[]) {
		const counts = ids.map((id) => sink.counts.get(id) ?? 0);
		return {
			events: ids.length,
			once: counts.filter((n) => n === 1).length,
			never: counts.filter((n) => n === 0).length,
			moreThanOnce: counts.filter((n) => n > 1).length,
			extraRuns: counts.reduce((sum, n) => sum + Math.max(0, n - 1), 0),
		};
	}
	const exactlyOnce = (events: number) => ({
		events,
		once: events,
		never: 0,
		moreThanOnce: 0,
		extraRuns: 0,
	});
	/** Retries as dotdigital does (every non-2xx but 400), on a schedule scaled down from 5 s, 10 s, 30 s, … */
	const VENDOR_RETRIES = { retryScale: 0.1, maxAttempts: 6 };

	beforeAll(async () => {
		sim = webhookSimulator(state);
		const url = await sim.start();
		sink = await startActionSink();
		n8n = await N8n.create('dd-trigger');
		await n8n.importCredentials([
			{
				...CREDENTIAL,
				type: 'dotdigitalCpaasApi',
				data: {
					authMode: 'apiUser',
					region: 'r1',
					username: USERNAME,
					password: PASSWORD,
					customBaseUrl: `${url}/cpaas`,
				},
			},
		]);
		await n8n.importWorkflows([triggerWorkflow(sink.url)]);
		server = await N8nServer.start(n8n);
	}, 300_000);

	afterAll(async () => {
		await server?.stop();
		await sim?.stop();
		await sink?.stop();
		n8n?.cleanup();
	});

	it('registers a webhook with n8n production URL, a generated secret and the chosen events on activation', async () => {
		await server.activate(WORKFLOW_ID);
		await simCalls(WEBHOOK_OPERATIONS.create, 1);
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
		expect({
			batch: hook.batch,
			maxBatchSize: hook.maxBatchSize,
			batchTimeout: hook.batchTimeout,
		}).toEqual({
			batch: true,
			maxBatchSize: 50,
			batchTimeout: 2,
		});
	});

	let single: Awaited<ReturnType<typeof deliverEvents>>[number];
	const sent = makeEvent('message.sent', {
		details: { channel: 'sms', additionalInfo: { to: '447123123123' } },
	});
	const batch = [
		makeEvent('message.delivered'),
		makeEvent('message.sent'),
		makeEvent('message.delivered'),
	];

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
		expect(executions[1].output(TRIGGER).map((e) => e.eventId)).toEqual(
			batch.map((e) => e.eventId),
		);
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

	it('acknowledges a replayed delivery but starts no execution, and keeps only new events of a mixed batch', async () => {
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

	let distinct: Awaited<ReturnType<typeof deliverEvents>> = [];
	let distinctIds: string[] = [];
	let copy: { rawBody: string; signature: string; eventId: string };

	it('100 concurrent distinct deliveries, then their replays (concurrent, then one at a time): each event reaches the actions once', async () => {
		const events = Array.from({ length: 100 }, () => makeEvent('message.delivered'));
		distinctIds = events.map((e) => e.eventId);
		distinct = await Promise.all(
			events.map(
				async (e) =>
					(await deliverEvents(state, hook.id, [e], { mode: 'single', ...VENDOR_RETRIES }))[0],
			),
		);
		expect(distinct.map((o) => o.status)).toEqual(events.map(() => 200));
		await waitIdle();
		expect(reached(distinctIds)).toEqual(exactlyOnce(100));

		const concurrent = await Promise.all(
			distinct.map(async (o) => await replayDelivery(state, hook.id, o, VENDOR_RETRIES)),
		);
		expect(concurrent.map((o) => o.status)).toEqual(events.map(() => 200));
		await waitIdle();
		expect(reached(distinctIds)).toEqual(exactlyOnce(100));

		for (const o of distinct) expect((await replayDelivery(state, hook.id, o)).status).toBe(200);
		await waitIdle();
		expect(reached(distinctIds)).toEqual(exactlyOnce(100));
	});

	it('100 concurrent copies of one event: it reaches the actions once', async () => {
		const event = makeEvent('message.sent');
		const rawBody = JSON.stringify(event);
		copy = { rawBody, signature: signBody(hook.secret!, rawBody), eventId: event.eventId };
		const outcomes = await Promise.all(
			Array.from(
				{ length: 100 },
				async () => await sendRaw(state, hook, rawBody, copy.signature, VENDOR_RETRIES),
			),
		);
		expect(outcomes.map((o) => o.status)).toEqual(outcomes.map(() => 200));
		await waitIdle();
		expect(reached([event.eventId])).toEqual(exactlyOnce(1));
	});

	it('answers a signed body that is not JSON with 400 (dotdigital does not retry it) and starts nothing', async () => {
		const before = sink.total();
		const rawBody = '{"eventId": "not-json';
		const outcome = await sendRaw(state, hook, rawBody, signBody(hook.secret!, rawBody), {
			maxAttempts: 1,
		});
		expect(outcome.status).toBe(400);
		await settle();
		expect(sink.total()).toBe(before);
	});

	it('answers a delivery with what it did, as JSON', async () => {
		const fresh = [makeEvent('message.sent'), makeEvent('message.delivered')];
		const [outcome] = await deliverEvents(state, hook.id, fresh, { mode: 'batch', maxAttempts: 1 });
		expect(outcome.status).toBe(200);
		expect(JSON.parse(outcome.responseBody)).toEqual({ received: 2, accepted: 2, duplicates: 0 });
		const again = await replayDelivery(state, hook.id, outcome);
		expect(JSON.parse(again.responseBody)).toMatchObject({ received: 2 });
		await waitIdle();
		expect(reached(fresh.map((e) => e.eventId))).toEqual(exactlyOnce(2));
	});

	it('never shows the webhook secret or the API password in n8n output', async () => {
		expect(server.output).not.toContain(hook.secret!);
		expect(server.output).not.toContain(PASSWORD);
	});

	it('keeps its webhook, secret and remembered events across an n8n restart, registering nothing', async () => {
		const port = server.port;
		await server.stop();
		const before = sim.requests().length;
		server = await N8nServer.start(n8n, { port });
		const during = sim.requests().slice(before);
		// n8n 1.123 keeps the webhook rows in its database and skips the lifecycle on restart; a
		// checkExists (GET) would be fine, any write would not.
		expect(during.filter((r) => r.method !== 'GET')).toEqual([]);
		expect(activeHooks().map((h) => h.id)).toEqual([hook.id]);

		// Replays after the restart, concurrent: nothing reaches the actions again.
		const replays = await Promise.all([
			...distinct.map(async (o) => await replayDelivery(state, hook.id, o, VENDOR_RETRIES)),
			...Array.from(
				{ length: 20 },
				async () => await sendRaw(state, hook, copy.rawBody, copy.signature, VENDOR_RETRIES),
			),
		]);
		expect(replays.every((o) => o.status === 200)).toBe(true);
		await waitIdle();
		expect(reached([...distinctIds, copy.eventId])).toEqual(exactlyOnce(101));

		expect((await replayDelivery(state, hook.id, single)).status).toBe(200);
		const fresh = makeEvent('message.delivered');
		const [next] = await deliverEvents(state, hook.id, [fresh]);
		expect(next.status).toBe(200);
		await waitIdle();
		expect(reached([sent.eventId, fresh.eventId])).toEqual(exactlyOnce(2));
	});

	it('keeps the webhook secret out of the workflow API, the export, every execution and the database', async () => {
		const secret = hook.secret!;
		expect(JSON.stringify(await server.workflow(WORKFLOW_ID))).not.toContain(secret);

		const exported = await n8n.cli(['export:workflow', `--id=${WORKFLOW_ID}`]);
		expect(exported.stdout).toContain(WORKFLOW_ID);
		expect(exported.stdout + exported.stderr).not.toContain(secret);

		const summaries = await server.executions(WORKFLOW_ID);
		expect(summaries.length).toBeGreaterThan(0);
		for (const summary of summaries) {
			const execution = JSON.stringify(await server.rest('GET', `/executions/${summary.id}`));
			expect(execution).not.toContain(secret);
			expect(execution).not.toContain(PASSWORD);
		}

		const dbDir = path.join(n8n.home, 'user', '.n8n');
		const dbFiles = readdirSync(dbDir).filter((f) => f.startsWith('database.sqlite'));
		expect(dbFiles).toContain('database.sqlite');
		for (const file of dbFiles) {
			const text = readFileSync(path.join(dbDir, file)).toString('latin1');
			expect(text).not.toContain(secret);
			expect(text).not.toContain(PASSWORD);
		}
		expect(server.output).not.toContain(secret);
		expect(server.output).not.toContain(PASSWORD);
	});

	it('removes the remote webhook on deactivation and then refuses deliveries', async () => {
		await server.deactivate(WORKFLOW_ID);
		await simCalls(WEBHOOK_OPERATIONS.delete, 1);
		expect(sim.accepted(WEBHOOK_OPERATIONS.delete)).toHaveLength(1);
		expect(sim.accepted(WEBHOOK_OPERATIONS.delete)[0].path).toBe(`/cpaas/webhooks/${hook.id}`);
		expect(activeHooks()).toHaveLength(0);
		const response = await fetch(hook.url, {
			method: 'POST',
			body: '{}',
			headers: { 'content-type': 'application/json' },
		});
		expect(response.status).toBe(404);
	});

	it('re-registers with a new secret, and deactivates cleanly when the remote webhook is already gone', async () => {
		await server.activate(WORKFLOW_ID);
		await simCalls(WEBHOOK_OPERATIONS.create, 2);
		expect(activeHooks()).toHaveLength(1);
		const second = activeHooks()[0];
		expect(second.id).not.toBe(hook.id);
		expect(second.secret).not.toBe(hook.secret);
		// The old secret no longer opens the door.
		const stale = await replayDelivery(state, second.id, single);
		expect(stale.status).toBe(401);

		second._deleted = true; // someone removed it in the dotdigital portal
		await server.deactivate(WORKFLOW_ID);
		for (let i = 0; i < 40 && sim.requests(WEBHOOK_OPERATIONS.delete).length < 2; i++)
			await sleep(250);
		const workflow = await server.workflow(WORKFLOW_ID);
		expect(workflow.active).toBe(false);
		expect(sim.requests(WEBHOOK_OPERATIONS.delete).map((r) => r.status)).toEqual([204, 404]);
	});
});
