/**
 * The package in a real queue-mode n8n: PostgreSQL, Redis, one main, two workers and two webhook
 * processors (tools/harness/queue.ts), every process with the package loaded.
 *
 * - One example workflow per vendor, started by a production webhook, runs on a worker.
 * - The dotdigital CPaaS Trigger, activated on the main: registers its webhook once; signed
 *   deliveries at either webhook processor start executions (run by the workers), forged ones get
 *   401; and replayed event IDs never reach the workflow's actions twice across the two webhook
 *   processors and the two workers, under concurrency.
 */
import type { Simulator } from '../../tools/simulators/core/simulator';
import { authToken } from '../../tools/simulators/core/simulator';
import { startAllSimulators, type RunningSimulator } from '../../tools/simulators';
import type { DeliveryOutcome, StoredWebhook } from '../../tools/simulators/dotdigital/webhooks';
import {
	createWebhookSimulator,
	makeEvent,
	sendRaw,
	signBody,
	WEBHOOK_OPERATIONS,
} from '../../tools/simulators/dotdigital/webhooks';
import { N8n, nodeType } from '../../tools/harness/n8n';
import { QueueN8n } from '../../tools/harness/queue';
import {
	exactlyOnce,
	packageNodes,
	reached,
	startActionSink,
	webhookStarted,
	type Workflow,
} from './helpers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
/**
 * `npm test` runs this file on n8n line 2 with QUEUE_TESTS=subset: everything but the two concurrency
 * tests (hundreds of deliveries, minutes each), which `npm run test:queue` runs.
 */
const concurrencyTest = process.env.QUEUE_TESTS === 'subset' ? it.skip : it;
/** Wall time of each phase, printed at the end (not asserted: speed lives in bench/). */
const phases: Array<[string, number]> = [];
async function timed<T>(label: string, work: () => Promise<T>): Promise<T> {
	const started = Date.now();
	try {
		return await work();
	} finally {
		phases.push([label, Date.now() - started]);
	}
}

const EXAMPLES: Array<[vendor: string, file: string]> = [
	['WebEngage', 'webengage-users-and-events.json'],
	['dotdigital CPaaS', 'dotdigital-send-and-track.json'],
	['Engati', 'engati-new-users-whatsapp.json'],
	['EngageOne Communicate', 'engageone-chat-transcript-email.json'],
];

const TRIGGER = 'CPaaS Trigger';
const USERNAME = 'apiuser-queue@apiconnector.com';
const PASSWORD = 'dd-queue-password-4e2a';
const TRIGGER_CREDENTIAL = { id: 'queue-dd-trigger', name: 'dotdigital (queue trigger)' };
const ACTION = 'Action';
const TRIGGER_WORKFLOW = 'queueDdTrigger1';
const TRIGGER_WEBHOOK_ID = '9a3e1c52-7b4d-4f0e-8c2a-5d6f7e8a9b01';

function triggerWorkflow(actionUrl: string): Workflow {
	return {
		id: TRIGGER_WORKFLOW,
		name: 'dotdigital trigger in queue mode',
		active: false,
		nodes: [
			{
				id: 'queue-dd-trigger',
				name: TRIGGER,
				type: nodeType('dotdigitalCpaasTrigger'),
				typeVersion: 1,
				position: [0, 0],
				webhookId: TRIGGER_WEBHOOK_ID,
				parameters: {
					events: ['message.sent', 'message.delivered'],
					batch: false,
					settings: { webhookName: 'n8n queue mode' },
				},
				credentials: { dotdigitalCpaasApi: TRIGGER_CREDENTIAL },
			},
			{
				id: 'queue-dd-action',
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

describe('n8n in queue mode: PostgreSQL, Redis, a main, two workers, two webhook processors', () => {
	let sims: RunningSimulator[];
	/** dotdigital's webhook endpoints for the trigger, with their state (webhooks, deliveries). */
	let dd: Simulator;
	const ddState: Record<string, any> = {};
	let n8n: N8n;
	let q: QueueN8n;
	let sink: Awaited<ReturnType<typeof startActionSink>>;
	const examples = EXAMPLES.map(([vendor, file], i) => ({
		vendor,
		workflow: webhookStarted(file, `queue-example-${i + 1}`),
	}));

	beforeAll(async () => {
		sims = await startAllSimulators({ port0: true });
		dd = createWebhookSimulator(ddState, (req) =>
			authToken(req, 'Basic') === Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64')
				? undefined
				: { status: 401, body: {} },
		);
		const ddUrl = await dd.start();
		sink = await startActionSink();
		n8n = await N8n.create('queue');
		q = await timed('start PostgreSQL, Redis, main, 2 workers, 2 webhook processors', () =>
			QueueN8n.start(n8n, { workers: 2, webhooks: 2 }),
		);
		await q.importCredentials([
			...sims.map((s) => s.credential),
			{
				...TRIGGER_CREDENTIAL,
				type: 'dotdigitalCpaasApi',
				data: {
					authMode: 'apiUser',
					region: 'r1',
					username: USERNAME,
					password: PASSWORD,
					customBaseUrl: `${ddUrl}/cpaas`,
				},
			},
		]);
		await q.importWorkflows([...examples.map((e) => e.workflow), triggerWorkflow(sink.url)]);
	}, 600_000);

	afterAll(async () => {
		console.log(phases.map(([label, ms]) => `${label}: ${(ms / 1000).toFixed(1)} s`).join('\n'));
		await q?.stop();
		for (const s of sims ?? []) await s.simulator.stop();
		await dd?.stop();
		await sink?.stop();
		n8n?.cleanup();
	}, 120_000);

	it('starts every process with the package loaded', () => {
		expect(q.workers.map((w) => w.name)).toEqual(['worker-1', 'worker-2']);
		expect(q.webhooks.map((w) => w.name)).toEqual(['webhook-1', 'webhook-2']);
		expect(q.output).not.toMatch(/Unrecognized node type|Unrecognized credential type/);
	});

	it.each(examples.map((e) => [e.vendor, e] as const))(
		'runs the %s example on a worker, started by a webhook at a webhook processor',
		async (_vendor, { workflow }) => {
			await q.main.activate(workflow.id);
			const webhook = workflow.nodes.find((n) => n.type === 'n8n-nodes-base.webhook')!;
			const processor = q.webhooks[examples.findIndex((e) => e.workflow === workflow) % 2];
			const response = await fetch(`${processor.baseUrl}/webhook/${webhook.parameters.path}`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: '{}',
			});
			expect(response.status).toBe(200);
			const [execution] = await q.main.waitForExecutions(workflow.id, 1, 180_000);
			expect({
				status: execution.status,
				error: execution.data?.resultData?.error?.message,
			}).toEqual({ status: 'success', error: undefined });
			for (const node of packageNodes(workflow))
				expect({ node: node.name, items: execution.output(node.name).length > 0 }).toEqual({
					node: node.name,
					items: true,
				});
			expect(q.workerOf(execution.id)).toMatch(/^worker-[12]$/);
			await q.main.deactivate(workflow.id);
		},
	);

	describe('the dotdigital CPaaS Trigger', () => {
		let hook: StoredWebhook;
		const state = () => ddState;
		const activeHooks = () =>
			[...(state().webhooks as Map<string, StoredWebhook>).values()].filter((h) => !h._deleted);
		/** The stored webhook, delivering to one webhook processor (dotdigital calls one URL; a load balancer spreads it). */
		const at = (processor: number): StoredWebhook => ({
			...hook,
			url: `${q.webhooks[processor].baseUrl}/webhook/${TRIGGER_WEBHOOK_ID}/webhook`,
		});
		/** dotdigital retries every non-2xx but 400, on its schedule scaled down 10×. */
		const RETRIES = { retryScale: 0.1, maxAttempts: 6 };
		const deliver = async (processor: number, event: Record<string, unknown>) => {
			const rawBody = JSON.stringify(event);
			return await sendRaw(
				state(),
				at(processor),
				rawBody,
				signBody(hook.secret!, rawBody),
				RETRIES,
			);
		};
		const replay = async (processor: number, outcome: DeliveryOutcome) =>
			await sendRaw(state(), at(processor), outcome.rawBody, outcome.signature, RETRIES);

		/**
		 * Waits until the Redis queue is empty, no execution of the trigger workflow runs and the action
		 * sink has been quiet for a while. (An execution n8n created but never queued stays "new" for
		 * ever: that is not waited for; its events show up as "never" reached.)
		 */
		async function waitIdle(quietMs = 3000, timeoutMs = 600_000): Promise<void> {
			const deadline = Date.now() + timeoutMs;
			let last = -1;
			let quietSince = Date.now();
			const filter = encodeURIComponent(
				JSON.stringify({ workflowId: TRIGGER_WORKFLOW, status: ['running'] }),
			);
			while (Date.now() < deadline) {
				const running = await q.main
					.rest<{ count: number }>('GET', `/executions?filter=${filter}&limit=1`)
					.then(
						(r) => r.count,
						() => 1,
					);
				const queued = await q.queueDepth().catch(() => 1);
				const total = sink.total();
				if (total !== last || running > 0 || queued > 0) {
					last = total;
					quietSince = Date.now();
				} else if (Date.now() - quietSince >= quietMs) {
					return;
				}
				await sleep(250);
			}
			throw new Error('n8n did not become idle');
		}

		it('registers its webhook once, from the main, with the public webhook URL', async () => {
			await q.main.activate(TRIGGER_WORKFLOW);
			for (let i = 0; i < 40 && dd.accepted(WEBHOOK_OPERATIONS.create).length < 1; i++)
				await sleep(250);
			// Workers and webhook processors must not register it again: give them time to.
			await sleep(5000);
			expect(dd.accepted(WEBHOOK_OPERATIONS.create)).toHaveLength(1);
			expect(activeHooks()).toHaveLength(1);
			hook = activeHooks()[0];
			expect(hook.url).toBe(`${q.sharedEnv.WEBHOOK_URL}webhook/${TRIGGER_WEBHOOK_ID}/webhook`);
			expect(hook.secret).toMatch(/^[0-9a-f]{64}$/);
		});

		it('accepts signed deliveries at either webhook processor (run by a worker) and answers 401 to forged ones', async () => {
			const events = [makeEvent('message.sent'), makeEvent('message.delivered')];
			const outcomes = await Promise.all(events.map(async (e, i) => await deliver(i, e)));
			expect(outcomes.map((o) => o.status)).toEqual([200, 200]);
			const executions = await q.main.waitForExecutions(TRIGGER_WORKFLOW, 2, 120_000);
			expect(executions.map((e) => e.status)).toEqual(['success', 'success']);
			expect(executions.flatMap((e) => e.output(TRIGGER).map((ev) => ev.eventId)).sort()).toEqual(
				events.map((e) => e.eventId).sort(),
			);
			for (const execution of executions) expect(q.workerOf(execution.id)).toMatch(/^worker-[12]$/);

			for (const processor of [0, 1]) {
				const rawBody = JSON.stringify(makeEvent('message.sent'));
				const forged = await sendRaw(state(), at(processor), rawBody, signBody('forged', rawBody), {
					maxAttempts: 1,
				});
				expect(forged.status).toBe(401);
				const unsigned = await sendRaw(state(), at(processor), rawBody, undefined, {
					maxAttempts: 1,
				});
				expect(unsigned.status).toBe(401);
			}
			await waitIdle();
			expect(await q.main.executions(TRIGGER_WORKFLOW)).toHaveLength(2);
			expect(
				reached(
					sink.counts,
					events.map((e) => e.eventId),
				),
			).toEqual(exactlyOnce(2));
		});

		/** Executions of the trigger workflow that did not succeed (failed, crashed, never started). */
		const unsuccessful = async () =>
			(await q.main.executions(TRIGGER_WORKFLOW)).filter((e) => e.status !== 'success').length;

		/**
		 * The replay guarantee, as asserted: no event reaches the action twice, ever; and every event
		 * that did not reach it is accounted for by an execution n8n did not finish (e.g. a database
		 * connection timeout on an overloaded machine: the execution fails visibly and can be retried) or
		 * a delivery that never got a 2xx (dotdigital would retry it later). Each delivery here carries one
		 * event, so each such failure loses at most one. On a machine with headroom both are 0, and so is
		 * `lostUnaccounted`: each event reached the action exactly once.
		 */
		function guarantee(
			ids: string[],
			failures: { executions: number; deliveries: DeliveryOutcome[] },
		) {
			const r = reached(sink.counts, ids);
			const undelivered = failures.deliveries.filter((o) => o.status < 200 || o.status >= 300);
			return {
				twice: r.moreThanOnce,
				extraRuns: r.extraRuns,
				lostUnaccounted: Math.max(0, r.never - failures.executions - undelivered.length),
			};
		}
		const held = { twice: 0, extraRuns: 0, lostUnaccounted: 0 };

		concurrencyTest(
			'100 distinct events split over both processors, then all replayed concurrently to the other one: none reaches the actions twice',
			async () => {
				const events = Array.from({ length: 100 }, (_, i) =>
					makeEvent(i % 2 ? 'message.sent' : 'message.delivered'),
				);
				const ids = events.map((e) => e.eventId as string);
				const failedBefore = await unsuccessful();
				const first = await timed('100 distinct deliveries', () =>
					Promise.all(events.map(async (e, i) => await deliver(i % 2, e))),
				);
				await timed('... until idle', () => waitIdle());
				const afterFirst = reached(sink.counts, ids);

				const again = await timed('100 replays to the other processor', () =>
					Promise.all(first.map(async (o, i) => await replay((i + 1) % 2, o))),
				);
				await timed('... until idle', () => waitIdle());
				const failed = (await unsuccessful()) - failedBefore;
				console.log(
					`distinct + replays: after first ${JSON.stringify(afterFirst)}, after replays ${JSON.stringify(reached(sink.counts, ids))}, unsuccessful executions ${failed}, deliveries without 2xx ${[...first, ...again].filter((o) => o.status !== 200).length}`,
				);
				expect(guarantee(ids, { executions: failed, deliveries: first })).toEqual(held);
			},
			900_000,
		);

		concurrencyTest(
			'100 events each delivered to both processors at the same moment: none reaches the actions twice',
			async () => {
				const events = Array.from({ length: 100 }, () => makeEvent('message.delivered'));
				const ids = events.map((e) => e.eventId as string);
				const failedBefore = await unsuccessful();
				const outcomes = await timed('100 events to both processors at once', () =>
					Promise.all(events.flatMap((e) => [deliver(0, e), deliver(1, e)])),
				);
				await timed('... until idle', () => waitIdle());
				const failed = (await unsuccessful()) - failedBefore;
				// An event is lost only when both of its copies failed: count events, not copies.
				const undelivered = events
					.map((_, i) => [outcomes[2 * i], outcomes[2 * i + 1]])
					.filter((pair) => pair.every((o) => o.status !== 200))
					.map((pair) => pair[0]);
				console.log(
					`same moment: ${JSON.stringify(reached(sink.counts, ids))}, unsuccessful executions ${failed}, events with no 2xx delivery ${undelivered.length}`,
				);
				expect(guarantee(ids, { executions: failed, deliveries: undelivered })).toEqual(held);
			},
			900_000,
		);

		it('ran every trigger execution on a worker, and deactivation deletes the webhook once', async () => {
			await waitIdle();
			// Executions that succeeded (on an overloaded machine n8n may fail one before any worker took it).
			const executions = (await q.main.executions(TRIGGER_WORKFLOW)).filter(
				(e) => e.status === 'success',
			);
			const where = executions.map((e) => q.workerOf(e.id) ?? 'not on a worker');
			expect(where.filter((w) => !/^worker-[12]$/.test(w))).toEqual([]);
			await q.main.deactivate(TRIGGER_WORKFLOW);
			for (let i = 0; i < 40 && dd.accepted(WEBHOOK_OPERATIONS.delete).length < 1; i++)
				await sleep(250);
			expect(dd.accepted(WEBHOOK_OPERATIONS.delete)).toHaveLength(1);
			expect(activeHooks()).toHaveLength(0);
		});
	});
});
