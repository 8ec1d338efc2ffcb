/**
 * Benchmark: the 10,000-user WebEngage bulk job in a queue-mode n8n (PostgreSQL, Redis, a main, two
 * workers with one execution each, a webhook processor; tools/harness/queue.ts), against the
 * simulator's per-minute limit on bulk calls. Two runs in one cluster:
 *
 * 1. one execution upserts all users (one worker);
 * 2. a fan-out workflow splits the job in two halves, each posted to the bulk workflow's webhook,
 *    so that each half is an execution of its own, taken by the other worker.
 *
 * Prints, for each run: bulk calls sent, accepted, refused with 429, users stored, wall time from the
 * first to the last call, and which workers ran the executions; then run 2 against run 1.
 *
 * Usage: npm run bench:queue
 *   BENCH_USERS=10000          users in the job (25 per bulk call)
 *   BENCH_BULK_LIMIT=250       bulk calls the simulator accepts per window (WebEngage documents 500 per minute)
 *   BENCH_WINDOW_MS=60000      the window (60,000 = WebEngage's minute)
 * The defaults make 400 calls against 250 a minute: the job needs two windows, about a minute.
 */
import { N8N_VERSION } from '../tools/harness/env';
import { chainWorkflow, N8n, nodeType } from '../tools/harness/n8n';
import { QueueN8n } from '../tools/harness/queue';
import { withSimulator } from '../tools/harness/simulator';
import {
	createWebEngageSimulator,
	demoCredential,
	webEngageState,
} from '../tools/simulators/webengage';

const USERS = Number(process.env.BENCH_USERS ?? 10_000);
const LIMIT = Number(process.env.BENCH_BULK_LIMIT ?? 250);
const WINDOW_MS = Number(process.env.BENCH_WINDOW_MS ?? 60_000);
for (const [name, value] of Object.entries({ USERS, LIMIT, WINDOW_MS }))
	if (!Number.isInteger(value) || value < 1)
		throw new Error(`BENCH_${name} must be a positive integer`);

const BULK_WORKFLOW = 'benchQueueBulk1';
const FANOUT_WORKFLOW = 'benchQueueFan01';
const BULK_PATH = 'bench-queue-bulk';
const FANOUT_PATH = 'bench-queue-fanout';

/** Webhook { from, count } → those users → WebEngage Create or Update Many. */
function bulkWorkflow(credential: { id: string; name: string }) {
	return chainWorkflow({
		id: BULK_WORKFLOW,
		name: 'bench: WebEngage bulk users',
		webhook: { path: BULK_PATH },
		items: {
			js:
				'const { from, count } = $input.first().json.body;\n' +
				"return Array.from({ length: count }, (_, i) => ({ id: 'bench-' + (from + i), email: 'user' + (from + i) + '@example.com' }));",
		},
		nodes: [
			{
				name: 'Upsert Users',
				type: nodeType('webEngage'),
				parameters: {
					resource: 'user',
					operation: 'upsertMany',
					userId: '={{ $json.id }}',
					additionalFields: { email: '={{ $json.email }}' },
				},
				credentials: { webEngageApi: { id: credential.id, name: credential.name } },
			},
		],
	});
}

/** Webhook → two halves → HTTP Request to the bulk workflow's webhook, one execution per half. */
function fanOutWorkflow(bulkUrl: string) {
	return chainWorkflow({
		id: FANOUT_WORKFLOW,
		name: 'bench: fan-out over workers',
		webhook: { path: FANOUT_PATH },
		items: {
			js:
				'const total = $input.first().json.body.count; const half = Math.ceil(total / 2);\n' +
				'return [{ from: 0, count: half }, { from: half, count: total - half }];',
		},
		nodes: [
			{
				name: 'Start Half',
				type: 'n8n-nodes-base.httpRequest',
				typeVersion: 4.2,
				parameters: {
					method: 'POST',
					url: bulkUrl,
					sendBody: true,
					specifyBody: 'json',
					jsonBody: '={{ JSON.stringify({ from: $json.from, count: $json.count }) }}',
					options: {},
				},
			},
		],
	});
}

interface RunFigures {
	label: string;
	executions: number;
	workers: string;
	calls: number;
	accepted: number;
	refused429: number;
	usersStored: number;
	wallMs: number;
	failedItems: number;
}

async function main(): Promise<void> {
	const n8n = await N8n.create('bench-queue');
	let q: QueueN8n | undefined;
	try {
		q = await QueueN8n.start(n8n, { workers: 2, webhooks: 1, workerConcurrency: 1 });
		const cluster = q;
		await withSimulator(cluster, createWebEngageSimulator(), demoCredential, async (started) => {
			const { sim, credential } = started;
			const configure = () => {
				sim.reset();
				sim.windowMs = WINDOW_MS;
				sim.limitOverrides = { bulkUsers: LIMIT };
			};
			const bulkUrl = `${cluster.webhooks[0].baseUrl}/webhook/${BULK_PATH}`;
			await cluster.importWorkflows([bulkWorkflow(credential), fanOutWorkflow(bulkUrl)]);
			await cluster.main.activate(BULK_WORKFLOW);
			await cluster.main.activate(FANOUT_WORKFLOW);

			const run = async (label: string, start: () => Promise<void>, expected: number) => {
				configure();
				const before = (await cluster.main.executions(BULK_WORKFLOW)).length;
				await start();
				const all = await cluster.main.waitForExecutions(BULK_WORKFLOW, before + expected, 900_000);
				const mine = all.slice(before);
				const calls = sim.requests('bulkUpsertUsers');
				const users = Object.keys((webEngageState(sim).users as Record<string, unknown>) ?? {});
				// Items that failed, and executions that did not get as far as the upsert (they count as failed).
				const outputs = mine.map((e) => {
					try {
						return e.output('Upsert Users');
					} catch {
						return undefined;
					}
				});
				const failedItems = outputs
					.flatMap((items) => items ?? [])
					.filter((item) => item.error !== undefined).length;
				const brokenExecutions = outputs.filter((items) => items === undefined).length;
				if (brokenExecutions > 0)
					console.error(
						`${label}: ${brokenExecutions} execution(s) stopped before the upsert: ${mine.map((e) => e.data?.resultData?.error?.message ?? e.status).join('; ')}`,
					);
				const figures: RunFigures = {
					label,
					executions: mine.length,
					workers: mine.map((e) => cluster.workerOf(e.id) ?? '?').join(' + '),
					calls: calls.length,
					accepted: calls.filter((c) => c.status >= 200 && c.status < 300).length,
					refused429: calls.filter((c) => c.status === 429).length,
					usersStored: users.length,
					wallMs: calls.length ? calls[calls.length - 1].at - calls[0].at : 0,
					failedItems,
				};
				const statuses = mine.map((e) => e.status);
				if (statuses.some((s) => s !== 'success'))
					console.error(`${label}: execution status ${statuses.join(', ')}`);
				return figures;
			};

			const post = async (path: string, body: unknown) => {
				const response = await fetch(`${cluster.webhooks[0].baseUrl}/webhook/${path}`, {
					method: 'POST',
					headers: { 'content-type': 'application/json' },
					body: JSON.stringify(body),
				});
				if (!response.ok) throw new Error(`POST /webhook/${path} → ${response.status}`);
			};

			const one = await run(
				'1 execution (one worker)',
				() => post(BULK_PATH, { from: 0, count: USERS }),
				1,
			);
			const fan = await run(
				'fan-out: 2 executions (two workers)',
				() => post(FANOUT_PATH, { count: USERS }),
				2,
			);

			console.log(
				`\nn8n ${N8N_VERSION} in queue mode: ${USERS} WebEngage users (25 per bulk call = ${Math.ceil(USERS / 25)} calls), simulator limit ${LIMIT} bulk calls per ${WINDOW_MS / 1000} s, workers with concurrency 1\n`,
			);
			console.table(
				[one, fan].map((f) => ({
					run: f.label,
					executions: f.executions,
					workers: f.workers,
					'bulk calls': f.calls,
					accepted: f.accepted,
					'429': f.refused429,
					'users stored': f.usersStored,
					'failed items': f.failedItems,
					'first→last call (s)': (f.wallMs / 1000).toFixed(1),
				})),
			);
			console.log(
				`fan-out / one execution: wall time ×${(fan.wallMs / Math.max(1, one.wallMs)).toFixed(2)}, 429s ${fan.refused429} vs ${one.refused429}`,
			);
			const minimum = Math.ceil(Math.ceil(USERS / 25) / LIMIT) - 1;
			console.log(
				`lower bound set by the limit: ${minimum} full window(s) of ${WINDOW_MS / 1000} s before the last call`,
			);
		});
	} finally {
		await q?.stop();
		n8n.cleanup();
	}
}

main().catch((error) => {
	console.error(error);
	process.exitCode = 1;
});
