/**
 * Benchmark: how fast a real n8n answers webhook deliveries under concurrency, for the dotdigital
 * CPaaS Trigger and, as the baselines, n8n's own Webhook node (respond immediately) in the same run.
 * dotdigital gives a receiver 10 seconds; an answer later than that counts as a failure and is retried.
 *
 * One `n8n start` with three active workflows, each "receiver → HTTP Request to a loopback sink"
 * (the action):
 * - the dotdigital CPaaS Trigger (checks each delivery's signature, drops replays);
 * - n8n's Webhook node, no signature check (the bare receiver);
 * - n8n's Webhook node + Crypto + If, the straightforward way to check dotdigital's signature with
 *   n8n's own nodes and still answer at once: Webhook (POST, respond immediately, Raw Body on, so the
 *   exact bytes are in binary `data`) → Crypto (Hmac, SHA1 of that binary, hex, the trigger's secret)
 *   → If (computed signature = the `x-comapi-signature` header) → the action. Crypto can HMAC a
 *   binary property on both lines, so no Code node is needed. Before the timed rounds it is sent one
 *   forged delivery, whose action must not run (so it cannot pass everything silently).
 * For each receiver, N distinct events are POSTed at once (all signed as dotdigital signs them), then,
 * for the trigger, the same N deliveries again at once (replays). Each round waits until the actions
 * of the previous one finished, so rounds do not overlap; every distinct delivery's action must run.
 *
 * Usage: npm run bench:trigger   (BENCH_DELIVERIES=200 to change N; default 100)
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';

import { cpuProfileEnv, N8N_MAJOR, N8N_VERSION } from '../tools/harness/env';
import { N8n, nodeType } from '../tools/harness/n8n';
import { N8nServer } from '../tools/harness/server';
import { authToken } from '../tools/simulators/core/simulator';
import type { StoredWebhook } from '../tools/simulators/dotdigital/webhooks';
import {
	createWebhookSimulator,
	makeEvent,
	signBody,
} from '../tools/simulators/dotdigital/webhooks';

const DELIVERIES = Number(process.env.BENCH_DELIVERIES ?? 100);
if (!Number.isInteger(DELIVERIES) || DELIVERIES < 1) {
	throw new Error(
		`BENCH_DELIVERIES must be a positive integer, got "${process.env.BENCH_DELIVERIES}"`,
	);
}
const LIMIT_MS = 10_000;
const USERNAME = 'apiuser-bench@apiconnector.com';
const PASSWORD = 'dd-bench-password-41c9';
const CREDENTIAL = { id: 'dd-bench-cred', name: 'dotdigital (bench)' };
const TRIGGER_WF = 'benchDdTrigger01';
const BASELINE_WF = 'benchWebhook0001';
const TRIGGER_WEBHOOK_ID = '0b6c2a71-5d0e-4f3b-9e2a-7c1d4b8e6f20';
const BASELINE_PATH = 'bench-baseline';
const SIGNED_PATH = 'bench-baseline-signed';
const SIGNATURE_HEADER = 'x-comapi-signature';

interface Round {
	label: string;
	latencies: number[];
	statuses: number[];
	/** Actions that ran because of this round, and how many should have. */
	actions: number;
	expectedActions: number;
	/** From the first POST sent to the last answer read. */
	wallMs: number;
}

function sink() {
	let count = 0;
	const server = http.createServer((req, res) => {
		req.resume();
		req.on('end', () => {
			count++;
			res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
		});
	});
	return {
		start: async () => {
			await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
			return `http://127.0.0.1:${(server.address() as AddressInfo).port}/action`;
		},
		count: () => count,
		stop: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

const action = (url: string) => ({
	id: 'action',
	name: 'Action',
	type: 'n8n-nodes-base.httpRequest',
	typeVersion: 4.2,
	position: [220, 0],
	parameters: {
		method: 'POST',
		url,
		sendBody: true,
		specifyBody: 'json',
		jsonBody: '={{ JSON.stringify({ eventId: $json.eventId ?? $json.body?.eventId }) }}',
		options: {},
	},
});

function workflows(actionUrl: string) {
	const receiverThen = (id: string, name: string, receiver: Record<string, unknown>) => ({
		id,
		name,
		active: false,
		nodes: [{ ...receiver, name: 'Receiver', position: [0, 0] }, action(actionUrl)],
		connections: { Receiver: { main: [[{ node: 'Action', type: 'main', index: 0 }]] } },
		settings: { executionOrder: 'v1' },
		pinData: {},
	});
	return [
		receiverThen(TRIGGER_WF, 'Bench: dotdigital CPaaS Trigger', {
			id: 'trigger',
			type: nodeType('dotdigitalCpaasTrigger'),
			typeVersion: 1,
			webhookId: TRIGGER_WEBHOOK_ID,
			parameters: {
				events: ['message.delivered'],
				batch: false,
				// BENCH_REMEMBER_EVENTS=0 turns the replay check off (to see what it costs).
				settings:
					process.env.BENCH_REMEMBER_EVENTS === undefined
						? {}
						: { rememberEvents: Number(process.env.BENCH_REMEMBER_EVENTS) },
			},
			credentials: { dotdigitalCpaasApi: CREDENTIAL },
		}),
		receiverThen(BASELINE_WF, "Bench: n8n's Webhook node", {
			id: 'webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			webhookId: '5e8f1c3a-9b2d-4a6e-8f0c-1d3b5a7c9e2f',
			parameters: {
				httpMethod: 'POST',
				path: BASELINE_PATH,
				responseMode: 'onReceived',
				options: {},
			},
		}),
	];
}

/**
 * The Webhook node checking dotdigital's signature with n8n's own nodes (see the header). It needs the
 * secret the trigger registered, known only once the trigger is active: it is created then through
 * n8n's REST API, as the editor creates it. The Crypto node differs by line: on 2.x (Crypto v2) the
 * HMAC secret sits in a Crypto credential; on 1.123.81 (Crypto v1) it is a node parameter, and that
 * version's editor does not list SHA1 for Hmac (a user would type it as an expression): the bench sets
 * the value `SHA1`, which the node passes to Node's createHmac as 2.x does.
 */
async function createSignedBaseline(
	server: N8nServer,
	actionUrl: string,
	secret: string,
): Promise<string> {
	const hmac = {
		action: 'hmac',
		type: 'SHA1',
		binaryData: true,
		binaryPropertyName: 'data',
		dataPropertyName: 'signature',
		encoding: 'hex',
	};
	let crypto: Record<string, unknown>;
	if (N8N_MAJOR >= 2) {
		const credential = await server.rest<{ id: string; name: string }>('POST', '/credentials', {
			name: 'Crypto (bench)',
			type: 'crypto',
			data: { hmacSecret: secret },
		});
		crypto = {
			typeVersion: 2,
			parameters: hmac,
			credentials: { crypto: { id: credential.id, name: credential.name } },
		};
	} else {
		crypto = { typeVersion: 1, parameters: { ...hmac, secret } };
	}
	const workflow = await server.rest<{ id: string }>('POST', '/workflows', {
		name: "Bench: n8n's Webhook node + Crypto + If (signature checked)",
		active: false,
		nodes: [
			{
				id: 'webhook-signed',
				name: 'Receiver',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				webhookId: '7a3e9c15-2f4b-4d8a-b6e1-0c9d8f7a5b34',
				position: [0, 0],
				parameters: {
					httpMethod: 'POST',
					path: SIGNED_PATH,
					responseMode: 'onReceived',
					options: { rawBody: true },
				},
			},
			{
				id: 'crypto',
				name: 'Crypto',
				type: 'n8n-nodes-base.crypto',
				position: [220, 0],
				...crypto,
			},
			{
				id: 'if',
				name: 'Signature matches',
				type: 'n8n-nodes-base.if',
				typeVersion: 2.2,
				position: [440, 0],
				parameters: {
					conditions: {
						options: { caseSensitive: true, leftValue: '', typeValidation: 'strict', version: 2 },
						conditions: [
							{
								id: 'signature',
								leftValue: '={{ $json.signature }}',
								rightValue: `={{ $json.headers['${SIGNATURE_HEADER}'] }}`,
								operator: { type: 'string', operation: 'equals' },
							},
						],
						combinator: 'and',
					},
					options: {},
				},
			},
			{ ...action(actionUrl), position: [660, 0] },
		],
		connections: {
			Receiver: { main: [[{ node: 'Crypto', type: 'main', index: 0 }]] },
			Crypto: { main: [[{ node: 'Signature matches', type: 'main', index: 0 }]] },
			'Signature matches': { main: [[{ node: 'Action', type: 'main', index: 0 }], []] },
		},
		settings: { executionOrder: 'v1' },
	});
	return workflow.id;
}

/**
 * Sends the signed baseline one forged delivery (a well-formed signature of other bytes, as the
 * simulator forges them) and requires that its execution ran, took the If node's false branch and did
 * not start the action.
 */
async function assertForgedRejected(
	server: N8nServer,
	actions: ReturnType<typeof sink>,
	workflowId: string,
	url: string,
	body: string,
	forgedSignature: string,
): Promise<void> {
	await waitIdle(server);
	const sinkBefore = actions.count();
	const executionsBefore = (await server.executions(workflowId)).length;
	const answer = await timedPost(url, body, { [SIGNATURE_HEADER]: forgedSignature });
	if (answer.status !== 200) throw new Error(`forged delivery: answered ${answer.status}`);
	const [execution] = (await server.waitForExecutions(workflowId, executionsBefore + 1, 60_000))
		.slice(executionsBefore)
		.filter(Boolean);
	await new Promise((r) => setTimeout(r, 2000));
	const ranAction = execution?.data?.resultData?.runData?.Action !== undefined;
	const matched = execution?.output('Signature matches', 0).length ?? -1;
	const rejected = execution?.output('Signature matches', 1).length ?? -1;
	if (execution?.status !== 'success' || ranAction || matched !== 0 || rejected !== 1) {
		throw new Error(
			`the signed baseline did not reject a forged delivery: execution ${execution?.status}, ` +
				`${matched} matched, ${rejected} rejected, action ${ranAction ? 'ran' : 'did not run'}`,
		);
	}
	if (actions.count() !== sinkBefore) {
		throw new Error(`the forged delivery reached the action (${actions.count() - sinkBefore})`);
	}
}

async function timedPost(
	url: string,
	body: string,
	headers: Record<string, string>,
): Promise<{ ms: number; status: number }> {
	const started = process.hrtime.bigint();
	try {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', ...headers },
			body,
		});
		await response.text();
		return { ms: Number(process.hrtime.bigint() - started) / 1e6, status: response.status };
	} catch {
		return { ms: Number(process.hrtime.bigint() - started) / 1e6, status: 0 };
	}
}

async function waitForActions(
	count: () => number,
	target: number,
	quietMs = 3000,
	timeoutMs = 300_000,
): Promise<void> {
	const deadline = Date.now() + timeoutMs;
	let last = -1;
	let since = Date.now();
	while (Date.now() < deadline) {
		const now = count();
		if (now !== last) {
			last = now;
			since = Date.now();
		}
		if (now >= target && Date.now() - since >= quietMs) return;
		if (now < target && Date.now() - since >= 60_000) return; // stuck: report what ran
		await new Promise((r) => setTimeout(r, 250));
	}
}

/** Waits until n8n runs no execution (so the next round starts on an idle n8n). */
async function waitIdle(server: N8nServer, timeoutMs = 300_000): Promise<void> {
	const filter = encodeURIComponent(JSON.stringify({ status: ['new', 'running'] }));
	const deadline = Date.now() + timeoutMs;
	let idleSince = 0;
	while (Date.now() < deadline) {
		const busy = await server
			.rest<{ count: number }>('GET', `/executions?filter=${filter}&limit=1`)
			.then(
				(r) => r.count,
				() => 1,
			);
		if (busy > 0) idleSince = 0;
		else if (idleSince === 0) idleSince = Date.now();
		else if (Date.now() - idleSince >= 3000) return;
		await new Promise((r) => setTimeout(r, 500));
	}
}

async function round(
	label: string,
	server: N8nServer,
	actions: ReturnType<typeof sink>,
	expectedActions: number,
	posts: Array<() => Promise<{ ms: number; status: number }>>,
): Promise<Round> {
	await waitIdle(server);
	const before = actions.count();
	const started = performance.now();
	const results = await Promise.all(posts.map(async (post) => await post()));
	const wallMs = performance.now() - started;
	await waitForActions(() => actions.count() - before, expectedActions);
	return {
		label,
		latencies: results.map((r) => r.ms),
		statuses: results.map((r) => r.status),
		actions: actions.count() - before,
		expectedActions,
		wallMs,
	};
}

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summary(r: Round) {
	const sorted = [...r.latencies].sort((a, b) => a - b);
	const statuses = new Map<number, number>();
	for (const s of r.statuses) statuses.set(s, (statuses.get(s) ?? 0) + 1);
	return {
		label: r.label,
		p50: percentile(sorted, 50),
		p95: percentile(sorted, 95),
		max: sorted[sorted.length - 1],
		late: r.latencies.filter((ms) => ms > LIMIT_MS).length,
		statuses: [...statuses.entries()].map(([s, n]) => `${n}×${s}`).join(' '),
		actions: r.actions,
		/** Deliveries answered per second: N ÷ (first POST → last answer). */
		perSecond: r.latencies.length / (r.wallMs / 1000),
	};
}

async function main(): Promise<void> {
	const state: Record<string, any> = {};
	const basic = Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64');
	const sim = createWebhookSimulator(state, (req) =>
		authToken(req, 'Basic') === basic ? undefined : { status: 401, body: {} },
	);
	const simUrl = await sim.start();
	const actions = sink();
	const actionUrl = await actions.start();
	const n8n = await N8n.create('bench-trigger');
	let server: N8nServer | undefined;
	try {
		await n8n.importCredentials([
			{
				...CREDENTIAL,
				type: 'dotdigitalCpaasApi',
				data: {
					authMode: 'apiUser',
					region: 'r1',
					username: USERNAME,
					password: PASSWORD,
					customBaseUrl: `${simUrl}/cpaas`,
				},
			},
		]);
		await n8n.importWorkflows(workflows(actionUrl));
		server = await N8nServer.start(n8n, {
			env: {
				// BENCH_N8N_ENV="NAME=value,NAME2=value": n8n settings to compare (e.g. its isolate pool size).
				...Object.fromEntries(
					(process.env.BENCH_N8N_ENV ?? '')
						.split(',')
						.filter((pair) => pair.includes('='))
						.map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]),
				),
				...cpuProfileEnv(process.env.BENCH_CPU_PROF, 'trigger'),
			},
		});
		await server.activate(TRIGGER_WF);
		await server.activate(BASELINE_WF);
		const hook = [...(state.webhooks as Map<string, StoredWebhook>).values()].find(
			(h) => !h._deleted,
		);
		if (!hook?.secret) throw new Error('The trigger registered no webhook in the simulator');
		const triggerUrl = server.webhookUrl(TRIGGER_WEBHOOK_ID, 'webhook');
		const baselineUrl = `${server.baseUrl}/webhook/${BASELINE_PATH}`;
		const signedWorkflow = await createSignedBaseline(server, actionUrl, hook.secret);
		await server.activate(signedWorkflow);
		const signedUrl = `${server.baseUrl}/webhook/${SIGNED_PATH}`;

		const bodies = (n: number) =>
			Array.from({ length: n }, () => JSON.stringify(makeEvent('message.delivered')));
		const signed = (body: string) => ({ [SIGNATURE_HEADER]: signBody(hook.secret!, body) });

		console.log(
			`Benchmark: ${DELIVERIES} concurrent deliveries per round to one real n8n ${N8N_VERSION} (${server.baseUrl}).`,
		);
		const [forgedBody] = bodies(1);
		await assertForgedRejected(
			server,
			actions,
			signedWorkflow,
			signedUrl,
			forgedBody,
			signBody(hook.secret, `${forgedBody} `),
		);
		console.log(
			'  checked: the signed baseline rejects a forged delivery (If false branch, no action)',
		);
		const rounds: Round[] = [];
		const measure = async (
			label: string,
			expectedActions: number,
			posts: Array<() => Promise<{ ms: number; status: number }>>,
		) => {
			rounds.push(await round(label, server!, actions, expectedActions, posts));
			console.log(`  done: ${label}`);
		};
		const baselineBodies = bodies(DELIVERIES);
		await measure(
			'n8n Webhook node (onReceived), no signature check',
			DELIVERIES,
			baselineBodies.map((b) => () => timedPost(baselineUrl, b, {})),
		);
		const signedBodies = bodies(DELIVERIES);
		await measure(
			'n8n Webhook node + Crypto + If, signature checked',
			DELIVERIES,
			signedBodies.map((b) => () => timedPost(signedUrl, b, signed(b))),
		);
		const triggerBodies = bodies(DELIVERIES);
		await measure(
			'dotdigital CPaaS Trigger, distinct signed events',
			DELIVERIES,
			triggerBodies.map((b) => () => timedPost(triggerUrl, b, signed(b))),
		);
		await measure(
			'dotdigital CPaaS Trigger, the same deliveries replayed',
			0,
			triggerBodies.map((b) => () => timedPost(triggerUrl, b, signed(b))),
		);

		print(rounds.map(summary));
		// Every distinct delivery must have been answered and its action run (replays: none).
		const wrong = rounds.filter(
			(r) => r.statuses.some((status) => status !== 200) || r.actions !== r.expectedActions,
		);
		if (wrong.length > 0) {
			throw new Error(
				`rounds with a failed answer or a wrong number of actions: ${wrong.map((r) => `${r.label} (${r.actions} actions)`).join('; ')}`,
			);
		}
	} finally {
		await server?.stop();
		await actions.stop();
		await sim.stop();
		n8n.cleanup();
	}
}

function print(rows: Array<ReturnType<typeof summary>>): void {
	const s = (ms: number) => (ms / 1000).toFixed(2);
	const header = [
		'Round',
		'Deliveries/s',
		'p50 (s)',
		'p95 (s)',
		'max (s)',
		'> 10 s',
		'Answers',
		'Actions run',
	];
	const body = rows.map((r) => [
		r.label,
		r.perSecond.toFixed(1),
		s(r.p50),
		s(r.p95),
		s(r.max),
		String(r.late),
		r.statuses,
		String(r.actions),
	]);
	const [bare, checked, trigger] = rows;
	const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;
	for (const [label, baseline] of [
		['Ratio trigger / Webhook node, no signature check', bare],
		['Ratio trigger / Webhook node + Crypto + If (signature checked)', checked],
	] as const) {
		body.push([
			label,
			ratio(trigger.perSecond, baseline.perSecond),
			ratio(trigger.p50, baseline.p50),
			ratio(trigger.p95, baseline.p95),
			ratio(trigger.max, baseline.max),
			'',
			'',
			'',
		]);
	}
	const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
	const line = (cells: string[]) =>
		cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ');
	console.log('');
	console.log(line(header));
	console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
	for (const row of body) console.log(line(row));
	console.log('');
	console.log(
		`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), load ${os
			.loadavg()
			.map((l) => l.toFixed(1))
			.join(' ')}, ` +
			`Node ${process.version} for the bench, n8n ${N8N_VERSION} on Node 24; ${new Date().toISOString()}`,
	);
	console.log(
		'Latency = from sending the POST to reading the whole answer, measured by the bench process; "> 10 s" = answers dotdigital would count as failed; ' +
			'Deliveries/s = N concurrent deliveries ÷ (first POST sent → last answer read), its ratio is throughput (higher is better), the latency ratios lower is better. ' +
			'Every delivery is signed; the trigger and the Webhook node + Crypto + If check it, the bare Webhook node does not.',
	);
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
