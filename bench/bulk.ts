/**
 * Benchmark of every bulk path, in one real n8n per run, each against n8n's HTTP Request node doing the
 * same job the straightforward way (one request per item), with the ratios measured in this run:
 *
 * - WebEngage users: Create or Update Many with Map Automatically, and with expressions (three
 *   `{{ $json.… }}` fields), vs HTTP Request `POST /users` per item;
 * - WebEngage events: Track Many (Map Automatically) vs HTTP Request `POST /events` per item;
 * - dotdigital CPaaS: Send Many (SMS) vs `POST /messages` per item; profile upsert (Upsert Many, Map
 *   Automatically) vs `PATCH /profiles/{id}` per item;
 * - EngageOne Communicate: transactional send (rows of many items per call) vs one call per row;
 * - Engati: WhatsApp template sends (one call per item on every path), against the HTTP Request node
 *   with the key as a plain header and with the key in a Header Auth credential;
 * - sustained: WebEngage bulk users at the documented limit (500 calls/min × 25 users), simulator
 *   limits on, for BENCH_SUSTAINED_WINDOWS windows of one minute: % of the limit reached, items lost;
 * - memory: n8n's peak RSS (VmHWM of the n8n process, and of the other processes of its tree) for
 *   BENCH_MEMORY_USERS users through the bulk path (Map Automatically); fails when none was read.
 *
 * Knobs: BENCH_USERS (WebEngage users, default 10,000), BENCH_ITEMS (every other path, default
 * 10,000), BENCH_RUNS (runs of each path, the fastest counts; default 2), BENCH_SUSTAINED_WINDOWS
 * (default 2; 0 skips), BENCH_MEMORY_USERS (default 100,000; 0 skips),
 * BENCH_ONLY=users,events,sms,profiles,engageone,engati,sustained,memory (a subset), BENCH_QUICK=1
 * (1,000 items, 1 sustained window... see `sizes`), BENCH_CPU_PROF=<dir> (n8n writes a V8 CPU profile of
 * each of this package's runs there, for `node bench/profile-summary.js`).
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import {
	cpuProfileEnv,
	N8N_BIN,
	N8N_VERSION,
	NODE24_BIN,
	perProcessEnv,
} from '../tools/harness/env';
import type { WorkflowNode } from '../tools/harness/n8n';
import { chainWorkflow, N8n, nodeType, parseExecution } from '../tools/harness/n8n';
import { N8nServer } from '../tools/harness/server';
import { withSimulator } from '../tools/harness/simulator';
import type { Simulator } from '../tools/simulators/core/simulator';
import {
	createDotdigitalSimulator,
	demoCredential as dotdigitalCredential,
	DOTDIGITAL_DEFAULTS,
} from '../tools/simulators/dotdigital';
import {
	createEngageOneSimulator,
	demoCredential as engageOneCredential,
	ENGAGEONE_DEFAULTS,
} from '../tools/simulators/engageone';
import {
	createEngatiSimulator,
	demoCredential as engatiCredential,
	ENGATI_DEFAULTS,
} from '../tools/simulators/engati';
import {
	createWebEngageSimulator,
	demoCredential as webEngageCredential,
	WEBENGAGE_DEFAULTS,
	webEngageState,
} from '../tools/simulators/webengage';

const QUICK = process.env.BENCH_QUICK === '1';
function size(name: string, full: number, quick: number): number {
	const raw = process.env[name];
	const value = raw === undefined || raw === '' ? (QUICK ? quick : full) : Number(raw);
	if (!Number.isInteger(value) || value < 0)
		throw new Error(`${name} must be a whole number, got "${raw}"`);
	return value;
}
const USERS = size('BENCH_USERS', 10_000, 2_000);
const ITEMS = size('BENCH_ITEMS', 10_000, 1_000);
/**
 * Runs of each path; the fastest counts. A workflow's first run in a fresh n8n pays its cold start
 * (loading the node's code, unoptimised JIT), which would weigh on whichever path runs first.
 */
const RUNS = Math.max(1, size('BENCH_RUNS', 2, 1));
const SUSTAINED_WINDOWS = size('BENCH_SUSTAINED_WINDOWS', 2, 2);
const MEMORY_USERS = size('BENCH_MEMORY_USERS', 100_000, 20_000);
const ONLY = new Set(
	(process.env.BENCH_ONLY ?? 'users,events,sms,profiles,engageone,engati,sustained,memory')
		.split(',')
		.map((s) => s.trim())
		.filter(Boolean),
);
const CPU_PROF = process.env.BENCH_CPU_PROF;
/**
 * Which WebEngage user paths beside the HTTP Request baseline (BENCH_USER_PATHS): auto (Map
 * Automatically), expr (`{{ $json.field }}` expressions), computed (expressions n8n must evaluate).
 */
const USER_PATHS = new Set((process.env.BENCH_USER_PATHS ?? 'auto,expr,computed').split(','));

/** The documented WebEngage bulk limit: 500 calls a minute, 25 users a call. */
const WEBENGAGE_BULK_CALLS_PER_MIN = 500;
const WEBENGAGE_BULK_SIZE = 25;

interface PathResult {
	label: string;
	requests: number;
	accepted: number;
	stored: number;
	nodeMs: number;
	executionMs: number;
}

interface Table {
	title: string;
	items: number;
	rows: PathResult[];
	/** Index of the HTTP Request row. */
	baseline: number;
	/** Other HTTP Request rows: each adds a ratio column (that row's node time ÷ this path's). */
	extraBaselines?: Array<{ row: number; column: string }>;
	note?: string;
}

const tables: Table[] = [];
const extraSections: string[] = [];

/** The n8n server of the vendor being measured (one `n8n start` per vendor; see `withServer`). */
let server: N8nServer | undefined;

/** Starts `n8n start` for the workflows imported so far, runs `body`, stops it. */
async function withServer(n8n: N8n, label: string, body: () => Promise<void>): Promise<void> {
	server = await N8nServer.start(n8n, { env: cpuProfileEnv(CPU_PROF, label), timeoutMs: 300_000 });
	try {
		await body();
	} finally {
		await server.stop();
		server = undefined;
	}
}

/**
 * Runs a workflow made by `benchWorkflow` once: activates it, calls its webhook (answered at once),
 * waits for the execution to finish and reads it through n8n's REST API (n8n's CLI `execute` cuts off
 * the printed run of large executions on 2.x).
 */
async function executeWorkflow(workflowId: string, label: string): Promise<RunResult> {
	if (!server) throw new Error('no n8n server');
	await server.activate(workflowId);
	try {
		const before = new Set((await retried(() => server!.executions(workflowId))).map((e) => e.id));
		const answer = await retried(() =>
			fetch(`${server!.baseUrl}/webhook/${workflowId}`, { method: 'POST' }),
		);
		if (!answer.ok) throw new Error(`${label}: the webhook answered ${answer.status}`);
		const deadline = Date.now() + 3_600_000;
		for (;;) {
			const done = (await retried(() => server!.executions(workflowId))).find(
				(e) => !before.has(e.id) && !['new', 'running', 'waiting'].includes(e.status),
			);
			if (done) {
				const detail = await retried(() => server!.execution(done.id));
				const runData = detail.data?.resultData?.runData ?? {};
				if (detail.status !== 'success') {
					throw new Error(
						`${label}: the execution ended ${detail.status}: ${JSON.stringify(detail.data?.resultData?.error ?? {}).slice(0, 800)}`,
					);
				}
				return {
					items: (nodeName: string) => runData[nodeName]?.[0]?.data?.main?.[0] ?? [],
					nodeMs: (nodeName: string) => Number(runData[nodeName]?.[0]?.executionTime ?? NaN),
					executionMs: Date.parse(detail.stoppedAt ?? '') - Date.parse(detail.startedAt ?? ''),
				};
			}
			if (Date.now() > deadline) throw new Error(`${label}: no finished execution after an hour`);
			await new Promise((r) => setTimeout(r, 1000));
		}
	} finally {
		await server.deactivate(workflowId);
	}
}

/** A loopback call to a busy n8n, tried again a few times when the connection fails. */
async function retried<T>(call: () => Promise<T>): Promise<T> {
	for (let attempt = 1; ; attempt++) {
		try {
			return await call();
		} catch (error) {
			if (attempt >= 5) throw error;
			await new Promise((r) => setTimeout(r, 2000 * attempt));
		}
	}
}

interface RunResult {
	items(nodeName: string): Array<{ json: Record<string, any> }>;
	nodeMs(nodeName: string): number;
	executionMs: number;
}

/** A chain workflow that starts at a Webhook node (path = its ID) answering at once. */
const benchWorkflow = (options: Parameters<typeof chainWorkflow>[0]) =>
	chainWorkflow({ ...options, webhook: { path: options.id } });

/** Runs one path: a workflow whose last node is `nodeName`, checking what the simulator stored. */
async function runPath(options: {
	n8n: N8n;
	sim: Simulator;
	label: string;
	workflowId: string;
	nodeName: string;
	operationId: string;
	expected: number;
	stored: () => number;
	ours?: boolean;
	before?: () => void;
}): Promise<PathResult> {
	const { sim, label, workflowId, nodeName, operationId, expected } = options;
	let best: PathResult | undefined;
	const times: string[] = [];
	for (let run = 0; run < RUNS; run++) {
		sim.reset();
		sim.limitOverrides = LIFTED;
		options.before?.();
		const result = await executeWorkflow(workflowId, label);
		const out = result.items(nodeName);
		const errors = out.filter((item) => item.json.error !== undefined).length;
		const stored = options.stored();
		if (out.length !== expected || errors > 0 || stored !== expected) {
			throw new Error(
				`${label}: expected ${expected} items out and stored, got ${out.length} out (${errors} errors), ${stored} stored` +
					(errors ? `; first error: ${JSON.stringify(out.find((i) => i.json.error)?.json)}` : ''),
			);
		}
		const nodeMs = result.nodeMs(nodeName);
		times.push((nodeMs / 1000).toFixed(2));
		if (!best || nodeMs < best.nodeMs) {
			best = {
				label,
				requests: sim.requests().length,
				accepted: sim.accepted(operationId).length,
				stored,
				nodeMs,
				executionMs: result.executionMs,
			};
		}
	}
	console.log(`  done: ${label} (node time of each run: ${times.join(', ')} s)`);
	return best!;
}

/** Per-minute limits lifted, so that the one-request-per-item baselines are not throttled. */
const LIFTED: Record<string, number> = new Proxy({} as Record<string, number>, {
	get: () => 1_000_000_000,
});

function httpRequest(parameters: Record<string, unknown>): WorkflowNode {
	return {
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		parameters: { options: {}, ...parameters },
	};
}

// ---------------------------------------------------------------- WebEngage

async function webEngage(n8n: N8n): Promise<void> {
	await withSimulator(n8n, createWebEngageSimulator(), webEngageCredential, async (run) => {
		const { sim, url, credential } = run;
		const creds = { webEngageApi: { id: credential.id, name: credential.name } };
		const lc = encodeURIComponent(WEBENGAGE_DEFAULTS.licenseCode);
		const auth = {
			sendHeaders: true,
			headerParameters: {
				parameters: [{ name: 'Authorization', value: `Bearer ${WEBENGAGE_DEFAULTS.apiKey}` }],
			},
		};
		const usersJs = (n: number) =>
			`return Array.from({ length: ${n} }, (_, i) => ({ userId: 'bench-' + i, email: 'user' + i + '@example.com', firstName: 'User ' + i, plan: i % 2 ? 'gold' : 'free' }));`;
		const eventsJs = (n: number) =>
			`return Array.from({ length: ${n} }, (_, i) => ({ userId: 'bench-' + (i % 1000), eventName: 'Order Placed', total: i / 10, sku: 'SKU-' + (i % 97) }));`;
		const weNode = (parameters: Record<string, unknown>): WorkflowNode => ({
			name: 'WebEngage',
			type: nodeType('webEngage'),
			credentials: creds,
			parameters,
		});
		const workflows = [
			benchWorkflow({
				id: 'benchWeUsersAuto',
				items: { js: usersJs(USERS) },
				nodes: [weNode({ resource: 'user', operation: 'upsertMany', inputMode: 'auto' })],
			}),
			benchWorkflow({
				id: 'benchWeUsersExpr',
				items: { js: usersJs(USERS) },
				nodes: [
					weNode({
						resource: 'user',
						operation: 'upsertMany',
						userId: '={{ $json.userId }}',
						additionalFields: {
							email: '={{ $json.email }}',
							firstName: '={{ $json.firstName }}',
						},
						attributes: { values: [{ key: 'plan', value: '={{ $json.plan }}' }] },
					}),
				],
			}),
			benchWorkflow({
				// Expressions that compute (n8n evaluates each one; no field-reference shortcut).
				id: 'benchWeUsersComputed',
				items: { js: usersJs(USERS) },
				nodes: [
					weNode({
						resource: 'user',
						operation: 'upsertMany',
						userId: '={{ $json.userId.trim() }}',
						additionalFields: {
							email: '={{ $json.email.toLowerCase() }}',
							firstName: '={{ $json.firstName.trim() }}',
						},
						attributes: { values: [{ key: 'plan', value: '={{ $json.plan.toUpperCase() }}' }] },
					}),
				],
			}),
			benchWorkflow({
				id: 'benchWeUsersHttp',
				items: { js: usersJs(USERS) },
				nodes: [
					httpRequest({
						method: 'POST',
						url: `${url}/v1/accounts/${lc}/users`,
						...auth,
						sendBody: true,
						contentType: 'json',
						specifyBody: 'keypair',
						bodyParameters: {
							parameters: [
								{ name: 'userId', value: '={{ $json.userId }}' },
								{ name: 'email', value: '={{ $json.email }}' },
								{ name: 'firstName', value: '={{ $json.firstName }}' },
								{ name: 'attributes', value: '={{ { plan: $json.plan } }}' },
							],
						},
					}),
				],
			}),
			benchWorkflow({
				id: 'benchWeEventsAuto',
				items: { js: eventsJs(ITEMS) },
				nodes: [weNode({ resource: 'event', operation: 'trackMany', inputMode: 'auto' })],
			}),
			benchWorkflow({
				id: 'benchWeEventsHttp',
				items: { js: eventsJs(ITEMS) },
				nodes: [
					httpRequest({
						method: 'POST',
						url: `${url}/v1/accounts/${lc}/events`,
						...auth,
						sendBody: true,
						contentType: 'json',
						specifyBody: 'json',
						jsonBody:
							'={{ { userId: $json.userId, eventName: $json.eventName, eventData: { total: $json.total, sku: $json.sku } } }}',
					}),
				],
			}),
			benchWorkflow({
				id: 'benchWeSustained',
				items: {
					js: usersJs(SUSTAINED_WINDOWS * WEBENGAGE_BULK_CALLS_PER_MIN * WEBENGAGE_BULK_SIZE),
				},
				nodes: [weNode({ resource: 'user', operation: 'upsertMany', inputMode: 'auto' })],
			}),
		];
		await n8n.importWorkflows(workflows);
		await withServer(n8n, 'webengage', async () => {
			const users = () => Object.keys(webEngageState(sim).users).length;

			if (ONLY.has('users')) {
				console.log(`WebEngage users (${USERS})`);
				const common = { n8n, sim, nodeName: 'WebEngage', expected: USERS, stored: users };
				const rows: PathResult[] = [];
				if (USER_PATHS.has('auto'))
					rows.push(
						await runPath({
							...common,
							label: 'WebEngage node, Map Automatically (25/call)',
							workflowId: 'benchWeUsersAuto',
							operationId: 'bulkUpsertUsers',
							ours: true,
						}),
					);
				if (USER_PATHS.has('expr'))
					rows.push(
						await runPath({
							...common,
							label: 'WebEngage node, 4 field expressions (25/call)',
							workflowId: 'benchWeUsersExpr',
							operationId: 'bulkUpsertUsers',
							ours: true,
						}),
					);
				if (USER_PATHS.has('computed'))
					rows.push(
						await runPath({
							...common,
							label: 'WebEngage node, 4 computed expressions (25/call)',
							workflowId: 'benchWeUsersComputed',
							operationId: 'bulkUpsertUsers',
							ours: true,
						}),
					);
				rows.push(
					await runPath({
						...common,
						nodeName: 'HTTP Request',
						label: 'HTTP Request node (1 POST/user)',
						workflowId: 'benchWeUsersHttp',
						operationId: 'upsertUser',
					}),
				);
				tables.push({ title: 'WebEngage users', items: USERS, rows, baseline: rows.length - 1 });
			}
			if (ONLY.has('events')) {
				console.log(`WebEngage events (${ITEMS})`);
				const events = () => sim.accepted().reduce((n, r) => n + eventCount(r.body), 0);
				const common = { n8n, sim, expected: ITEMS, stored: events };
				const rows = [
					await runPath({
						...common,
						nodeName: 'WebEngage',
						label: 'WebEngage node, Map Automatically (25/call)',
						workflowId: 'benchWeEventsAuto',
						operationId: 'bulkTrackEvents',
						ours: true,
					}),
					await runPath({
						...common,
						nodeName: 'HTTP Request',
						label: 'HTTP Request node (1 POST/event)',
						workflowId: 'benchWeEventsHttp',
						operationId: 'trackEvent',
					}),
				];
				tables.push({ title: 'WebEngage events', items: ITEMS, rows, baseline: 1 });
			}
			if (ONLY.has('sustained') && SUSTAINED_WINDOWS > 0) await sustained(n8n, sim, users);
		});
	});
}

function eventCount(body: unknown): number {
	const b = body as { events?: unknown[]; eventName?: unknown } | undefined;
	if (Array.isArray(b?.events)) return b.events.length;
	return b?.eventName ? 1 : 0;
}

/**
 * WebEngage bulk users with the simulator at the documented limit (fixed one-minute windows, 429
 * beyond 500 calls). N = windows × 12,500 users. The sustained rate is measured over the complete
 * window cycles: users accepted before the last window opened ÷ the time from the first window's
 * start to the last window's start (the last window's burst is not a sustained rate).
 */
async function sustained(n8n: N8n, sim: Simulator, users: () => number): Promise<void> {
	const total = SUSTAINED_WINDOWS * WEBENGAGE_BULK_CALLS_PER_MIN * WEBENGAGE_BULK_SIZE;
	console.log(
		`Sustained: ${total} WebEngage users at the real limit (${SUSTAINED_WINDOWS} windows)`,
	);
	sim.reset();
	const started = Date.now();
	const result = await executeWorkflow('benchWeSustained', 'sustained');
	const wallMs = Date.now() - started;
	const out = result.items('WebEngage');
	const errors = out.filter((i) => i.json.error !== undefined).length;
	const calls = sim.requests('bulkUpsertUsers');
	const ok = calls.filter((r) => r.status >= 200 && r.status < 300);
	const throttled = calls.filter((r) => r.status === 429).length;
	// Windows as the simulator opens them: a new one at the first call a minute or more after the last start.
	const windows: Array<{ start: number; accepted: number }> = [];
	for (const call of calls) {
		const current = windows[windows.length - 1];
		if (!current || call.at - current.start >= 60_000)
			windows.push({ start: call.at, accepted: 0 });
		if (call.status >= 200 && call.status < 300) windows[windows.length - 1].accepted++;
	}
	const full = windows.slice(0, -1);
	const cycleMs = windows.length > 1 ? windows[windows.length - 1].start - windows[0].start : NaN;
	const usersInFull = full.reduce((n, w) => n + w.accepted, 0) * WEBENGAGE_BULK_SIZE;
	const limitPerMin = WEBENGAGE_BULK_CALLS_PER_MIN * WEBENGAGE_BULK_SIZE;
	const perMin = usersInFull / (cycleMs / 60_000);
	const stored = users();
	const lost = total - stored;
	extraSections.push(
		[
			`Sustained: WebEngage bulk users at the documented limit (${WEBENGAGE_BULK_CALLS_PER_MIN} calls/min × ${WEBENGAGE_BULK_SIZE} = ${limitPerMin} users/min), simulator limits on`,
			'',
			'```',
			`Users sent                 ${total}`,
			`Users stored               ${stored}`,
			`Items lost                 ${lost}`,
			`Error items                ${errors}`,
			`Bulk calls accepted        ${ok.length}`,
			`429 answers                ${throttled}`,
			`Windows (accepted calls)   ${windows.map((w) => w.accepted).join(', ')}`,
			`Sustained rate             ${Math.round(perMin)} users/min over ${(cycleMs / 1000).toFixed(1)} s of complete windows`,
			`Share of the limit         ${((100 * perMin) / limitPerMin).toFixed(1)} %`,
			`Wall time (CLI)            ${(wallMs / 1000).toFixed(1)} s`,
			'```',
		].join('\n'),
	);
	console.log(extraSections[extraSections.length - 1]);
}

// ---------------------------------------------------------------- dotdigital

async function dotdigital(n8n: N8n): Promise<void> {
	await withSimulator(n8n, createDotdigitalSimulator(), dotdigitalCredential, async (run) => {
		const { sim, url, credential } = run;
		const creds = { dotdigitalCpaasApi: { id: credential.id, name: credential.name } };
		const basic = Buffer.from(
			`${DOTDIGITAL_DEFAULTS.username}:${DOTDIGITAL_DEFAULTS.password}`,
		).toString('base64');
		const auth = {
			sendHeaders: true,
			headerParameters: { parameters: [{ name: 'Authorization', value: `Basic ${basic}` }] },
		};
		const smsJs = `return Array.from({ length: ${ITEMS} }, (_, i) => ({ phone: '+4477' + String(10000000 + i), text: 'Your code is ' + (1000 + (i % 9000)) }));`;
		const profilesJs = `return Array.from({ length: ${ITEMS} }, (_, i) => ({ id: 'p-' + i, email: 'user' + i + '@example.com', firstName: 'User ' + i }));`;
		const ddNode = (parameters: Record<string, unknown>): WorkflowNode => ({
			name: 'dotdigital',
			type: nodeType('dotdigitalCpaas'),
			credentials: creds,
			parameters,
		});
		await n8n.importWorkflows([
			benchWorkflow({
				id: 'benchDdSmsNode',
				items: { js: smsJs },
				nodes: [
					ddNode({
						resource: 'message',
						operation: 'sendMany',
						toType: 'phoneNumber',
						phoneNumber: '={{ $json.phone }}',
						rules: ['sms'],
						body: '={{ $json.text }}',
					}),
				],
			}),
			benchWorkflow({
				id: 'benchDdSmsHttp',
				items: { js: smsJs },
				nodes: [
					httpRequest({
						method: 'POST',
						url: `${url}/cpaas/messages`,
						...auth,
						sendBody: true,
						contentType: 'json',
						specifyBody: 'json',
						jsonBody:
							"={{ { to: { phoneNumber: $json.phone.replace('+', '') }, body: $json.text, rules: ['sms'] } }}",
					}),
				],
			}),
			benchWorkflow({
				id: 'benchDdProfNode',
				items: { js: profilesJs },
				nodes: [ddNode({ resource: 'profile', operation: 'upsertMany', inputMode: 'auto' })],
			}),
			benchWorkflow({
				id: 'benchDdProfHttp',
				items: { js: profilesJs },
				nodes: [
					httpRequest({
						method: 'PATCH',
						url: `=${url}/cpaas/profiles/{{ encodeURIComponent($json.id) }}?allowcreate=true`,
						...auth,
						sendBody: true,
						contentType: 'json',
						specifyBody: 'json',
						jsonBody: '={{ { email: $json.email, firstName: $json.firstName } }}',
					}),
				],
			}),
		]);
		await withServer(n8n, 'dotdigital', async () => {
			if (ONLY.has('sms')) {
				console.log(`dotdigital Send Many (${ITEMS} SMS)`);
				const sent = () =>
					sim.accepted().reduce((n, r) => n + (Array.isArray(r.body) ? r.body.length : 1), 0);
				const common = { n8n, sim, expected: ITEMS, stored: sent };
				const rows = [
					await runPath({
						...common,
						nodeName: 'dotdigital',
						label: 'dotdigital node, Send Many (batch API)',
						workflowId: 'benchDdSmsNode',
						operationId: 'POST /cpaas/messages/batch',
						ours: true,
					}),
					await runPath({
						...common,
						nodeName: 'HTTP Request',
						label: 'HTTP Request node (1 POST/message)',
						workflowId: 'benchDdSmsHttp',
						operationId: 'POST /cpaas/messages',
					}),
				];
				tables.push({ title: 'dotdigital Send Many (SMS)', items: ITEMS, rows, baseline: 1 });
			}
			if (ONLY.has('profiles')) {
				console.log(`dotdigital profile upsert (${ITEMS})`);
				const profiles = () =>
					sim.accepted().reduce((n, r) => n + (Array.isArray(r.body) ? r.body.length : 1), 0);
				const common = { n8n, sim, expected: ITEMS, stored: profiles };
				const rows = [
					await runPath({
						...common,
						nodeName: 'dotdigital',
						label: 'dotdigital node, Upsert Many, Map Automatically',
						workflowId: 'benchDdProfNode',
						operationId: 'PATCH /cpaas/profiles/bulk',
						ours: true,
					}),
					await runPath({
						...common,
						nodeName: 'HTTP Request',
						label: 'HTTP Request node (1 PATCH/profile)',
						workflowId: 'benchDdProfHttp',
						operationId: 'PATCH /cpaas/profiles/{id}',
					}),
				];
				tables.push({ title: 'dotdigital profile upsert', items: ITEMS, rows, baseline: 1 });
			}
		});
	});
}

// ---------------------------------------------------------------- EngageOne

async function engageOne(n8n: N8n): Promise<void> {
	await withSimulator(n8n, createEngageOneSimulator(), engageOneCredential, async (run) => {
		const { sim, url, credential } = run;
		const token = await fetch(`${url}/authenticate`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				client_id: ENGAGEONE_DEFAULTS.clientId,
				secret: ENGAGEONE_DEFAULTS.secret,
				customer_id: ENGAGEONE_DEFAULTS.customerId,
			}),
		}).then(async (r) => (await r.json()) as unknown);
		// The simulator answers as EngageOne does: a bare JSON string holding the JWT.
		const jwt = typeof token === 'string' ? token : undefined;
		if (!jwt) throw new Error(`EngageOne simulator gave no token: ${JSON.stringify(token)}`);
		const rowsJs = `return Array.from({ length: ${ITEMS} }, (_, i) => ({ email: 'user' + i + '@example.com', name: 'User ' + i, order: 'A-' + i }));`;
		const settings = {
			campaign: 'order confirmation',
			project: 'Samples',
			communication: 'Example',
			sender: 'sender@example.com',
			subject: 'Your order',
		};
		await n8n.importWorkflows([
			benchWorkflow({
				id: 'benchEoNode',
				items: { js: rowsJs },
				nodes: [
					{
						name: 'EngageOne',
						type: nodeType('engageOneCommunicate'),
						credentials: { engageOneCommunicateApi: { id: credential.id, name: credential.name } },
						parameters: { resource: 'campaign', operation: 'sendTransactional', ...settings },
					},
				],
			}),
			benchWorkflow({
				id: 'benchEoHttp',
				items: { js: rowsJs },
				nodes: [
					httpRequest({
						method: 'POST',
						url: `${url}/campaigns/v2/${encodeURIComponent(settings.campaign)}/transactional`,
						sendHeaders: true,
						headerParameters: {
							parameters: [
								{ name: 'Authorization', value: `Bearer ${jwt}` },
								{ name: 'PB-Customer-Id', value: ENGAGEONE_DEFAULTS.customerId },
							],
						},
						sendBody: true,
						contentType: 'json',
						specifyBody: 'json',
						jsonBody: `={{ { communication: ${JSON.stringify(settings.communication)}, dataset: [$json], email_json_path: 'email', sender: ${JSON.stringify(settings.sender)}, subject: ${JSON.stringify(settings.subject)}, project: ${JSON.stringify(settings.project)}, ignore_missing_fields: true } }}`,
					}),
				],
			}),
		]);
		await withServer(n8n, 'engageone', async () => {
			if (ONLY.has('engageone')) {
				console.log(`EngageOne transactional (${ITEMS} rows)`);
				const rows = () =>
					sim
						.accepted('transactionalCampaignV2')
						.reduce((n, r) => n + ((r.body as { dataset?: unknown[] }).dataset?.length ?? 0), 0);
				const common = { n8n, sim, expected: ITEMS, stored: rows };
				const results = [
					await runPath({
						...common,
						nodeName: 'EngageOne',
						label: 'EngageOne node (500 rows/call)',
						workflowId: 'benchEoNode',
						operationId: 'transactionalCampaignV2',
						ours: true,
					}),
					await runPath({
						...common,
						nodeName: 'HTTP Request',
						label: 'HTTP Request node (1 POST/row)',
						workflowId: 'benchEoHttp',
						operationId: 'transactionalCampaignV2',
					}),
				];
				tables.push({
					title: 'EngageOne transactional',
					items: ITEMS,
					rows: results,
					baseline: 1,
				});
			}
		});
	});
}

// ---------------------------------------------------------------- Engati

async function engati(n8n: N8n): Promise<void> {
	await withSimulator(n8n, createEngatiSimulator(), engatiCredential, async (run) => {
		const { sim, url, credential } = run;
		const js = `return Array.from({ length: ${ITEMS} }, (_, i) => ({ phone: '+1415' + String(5000000 + i), name: 'User ' + i }));`;
		// A second baseline closer to what this package's node does: the key in an n8n credential (Header
		// Auth, the same `Authorization: Basic <key>` header) that n8n resolves for the HTTP Request node on
		// every call, as it resolves the Engati credential for httpRequestWithAuthentication.
		const headerAuth = { id: 'bench-engati-header', name: 'Engati key as Header Auth (bench)' };
		await n8n.importCredentials([
			{
				...headerAuth,
				type: 'httpHeaderAuth',
				data: { name: 'Authorization', value: `Basic ${ENGATI_DEFAULTS.apiKey}` },
			},
		]);
		const templateUrl = `${url}/whatsapp-api/v1.0/customer/${ENGATI_DEFAULTS.customerId}/bot/${ENGATI_DEFAULTS.botKey}/template`;
		await n8n.importWorkflows([
			benchWorkflow({
				id: 'benchEngatiNode',
				items: { js },
				nodes: [
					{
						name: 'Engati',
						type: nodeType('engati'),
						credentials: { engatiApi: { id: credential.id, name: credential.name } },
						parameters: {
							resource: 'whatsappTemplate',
							operation: 'send',
							phoneNumber: '={{ $json.phone }}',
							templateName: 'welcome_offer',
							languageCode: 'en',
							componentsMode: 'builder',
							bodyParameters: { parameter: [{ text: '={{ $json.name }}' }] },
						},
					},
				],
			}),
			benchWorkflow({
				id: 'benchEngatiHttp',
				items: { js },
				nodes: [
					httpRequest({
						method: 'POST',
						url: templateUrl,
						sendHeaders: true,
						headerParameters: {
							parameters: [{ name: 'Authorization', value: `Basic ${ENGATI_DEFAULTS.apiKey}` }],
						},
						sendBody: true,
						contentType: 'json',
						specifyBody: 'json',
						jsonBody: TEMPLATE_BODY,
					}),
				],
			}),
			benchWorkflow({
				id: 'benchEngatiHttpCred',
				items: { js },
				nodes: [
					{
						...httpRequest({
							method: 'POST',
							url: templateUrl,
							authentication: 'genericCredentialType',
							genericAuthType: 'httpHeaderAuth',
							sendBody: true,
							contentType: 'json',
							specifyBody: 'json',
							jsonBody: TEMPLATE_BODY,
						}),
						credentials: { httpHeaderAuth: headerAuth },
					},
				],
			}),
		]);
		await withServer(n8n, 'engati', async () => {
			if (ONLY.has('engati')) {
				console.log(`Engati template sends (${ITEMS})`);
				const common = {
					n8n,
					sim,
					expected: ITEMS,
					stored: () => sim.accepted('sendTemplate').length,
				};
				const rows = [
					await runPath({
						...common,
						nodeName: 'Engati',
						label: 'Engati node (1 call/item, as the API takes)',
						workflowId: 'benchEngatiNode',
						operationId: 'sendTemplate',
						ours: true,
					}),
					await runPath({
						...common,
						nodeName: 'HTTP Request',
						label: 'HTTP Request node, key in a Header Auth credential (1 POST/item)',
						workflowId: 'benchEngatiHttpCred',
						operationId: 'sendTemplate',
					}),
					await runPath({
						...common,
						nodeName: 'HTTP Request',
						label: 'HTTP Request node, key as a plain header (1 POST/item)',
						workflowId: 'benchEngatiHttp',
						operationId: 'sendTemplate',
					}),
				];
				tables.push({
					title: 'Engati WhatsApp template sends',
					items: ITEMS,
					rows,
					baseline: 2,
					extraBaselines: [{ row: 1, column: 'Ratio vs Header Auth credential' }],
				});
			}
		});
	});
}

/** The template send as Engati's API takes it, filled from the item (the HTTP Request baseline). */
const TEMPLATE_BODY =
	"={{ { phoneNumber: $json.phone, payload: { name: 'welcome_offer', language: { policy: 'deterministic', code: 'en' }, components: [{ type: 'body', parameters: [{ type: 'text', text: $json.name }] }] } } }}";

// ---------------------------------------------------------------- memory

/** Peak RSS (VmHWM) of a process tree, sampled until it exits. */
interface MemoryRun {
	/** Peak RSS of the n8n process (kB). */
	mainKb: number;
	/** The n8n process and the other processes of its tree above 20 MB (kB each). */
	list: Array<{ name: string; hwmKb: number }>;
	nodeTimeS?: number;
}

/**
 * n8n's peak RSS for MEMORY_USERS users through WebEngage Create or Update Many, and, as the baseline
 * in the same run, for the same items through n8n's No Operation node: what n8n itself costs to make,
 * hold and print that many items. The difference is the bulk path's own share.
 */
async function memory(n8n: N8n): Promise<void> {
	await withSimulator(n8n, createWebEngageSimulator(), webEngageCredential, async (run) => {
		const { sim, credential } = run;
		const workflow = (id: string, middle: WorkflowNode) =>
			chainWorkflow({
				id,
				items: {
					js: `return Array.from({ length: ${MEMORY_USERS} }, (_, i) => ({ userId: 'm-' + i, email: 'user' + i + '@example.com', firstName: 'User ' + i }));`,
				},
				nodes: [
					middle,
					{
						// Keeps the printed run small: n8n prints every node's output.
						name: 'Count',
						type: 'n8n-nodes-base.code',
						typeVersion: 2,
						parameters: { jsCode: 'return [{ json: { users: $input.all().length } }];' },
					},
				],
			});
		await n8n.importWorkflows([
			workflow('benchWeMemory', {
				name: 'WebEngage',
				type: nodeType('webEngage'),
				credentials: { webEngageApi: { id: credential.id, name: credential.name } },
				parameters: { resource: 'user', operation: 'upsertMany', inputMode: 'auto' },
			}),
			workflow('benchNoOpMemory', {
				name: 'No Operation',
				type: 'n8n-nodes-base.noOp',
				typeVersion: 1,
				parameters: {},
			}),
		]);
		sim.reset();
		sim.limitOverrides = LIFTED;
		console.log(`Memory: ${MEMORY_USERS} users through WebEngage Create or Update Many`);
		const bulk = await peakRss(n8n, 'benchWeMemory');
		const stored = Object.keys(webEngageState(sim).users).length;
		if (stored !== MEMORY_USERS) {
			throw new Error(`memory run: ${stored} users stored, ${MEMORY_USERS} sent`);
		}
		console.log(`Memory: the same ${MEMORY_USERS} items through n8n's No Operation node`);
		const baseline = await peakRss(n8n, 'benchNoOpMemory');
		const mb = (kb: number) => (kb / 1024).toFixed(0);
		const treeSummary = (r: MemoryRun) =>
			`${mb(r.list.reduce((n, p) => n + p.hwmKb, 0))} MB (${r.list.map((p) => `${p.name} ${mb(p.hwmKb)} MB`).join('; ')})`;
		extraSections.push(
			[
				`Memory: ${MEMORY_USERS} users through WebEngage Create or Update Many (Map Automatically), \`n8n execute\`; baseline: the same items through n8n's No Operation node`,
				'',
				'```',
				`n8n process peak RSS (VmHWM), WebEngage node      ${mb(bulk.mainKb)} MB`,
				`n8n process peak RSS (VmHWM), No Operation node   ${mb(baseline.mainKb)} MB`,
				`Difference (the bulk path's share)                ${mb(bulk.mainKb - baseline.mainKb)} MB`,
				`n8n process tree, sum of peaks, WebEngage node    ${treeSummary(bulk)}`,
				`n8n process tree, sum of peaks, No Operation node  ${treeSummary(baseline)}`,
				`Node time                                         ${bulk.nodeTimeS === undefined ? 'not printed whole by the CLI' : `${bulk.nodeTimeS.toFixed(2)} s`}`,
				`Users stored                                      ${stored}`,
				'```',
			].join('\n'),
		);
		console.log(extraSections[extraSections.length - 1]);
	});
}

/** Runs one workflow with `n8n execute` and samples the peak RSS of n8n's process tree. */
async function peakRss(n8n: N8n, workflowId: string): Promise<MemoryRun> {
	const child = spawn(
		path.join(NODE24_BIN, 'node'),
		[N8N_BIN, 'execute', `--id=${workflowId}`, '--rawOutput'],
		{ env: n8n.env(await perProcessEnv()), cwd: n8n.home, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	let stdout = '';
	let stderr = '';
	child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
	child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
	// VmHWM is each process's own high-water mark, so a sample every 100 ms misses no peak; what is kept is
	// the highest value seen per process. A process that has exited but is not reaped yet (a zombie) still
	// has a /proc entry, with no VmHWM line: it is skipped. (Before: every sample overwrote the last one,
	// and the last sample of the n8n process, taken while it was a zombie, replaced its peak by 0. That
	// is the "0 MB" of n8n 1.123.81; on 2.41.1 the same happened and what was printed was the task
	// runner's peak, not n8n's.)
	const root = child.pid;
	if (root === undefined) throw new Error('memory run: n8n did not start (no pid)');
	const peaks = new Map<number, { name: string; hwmKb: number }>();
	const sample = () => {
		for (const pid of tree(root)) {
			try {
				const status = readFileSync(`/proc/${pid}/status`, 'utf8');
				const hwm = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0);
				if (!(hwm > 0)) continue;
				const seen = peaks.get(pid);
				if (seen) {
					seen.hwmKb = Math.max(seen.hwmKb, hwm);
					continue;
				}
				const name = /Name:\s+(\S+)/.exec(status)?.[1] ?? '?';
				const cmd = readFileSync(`/proc/${pid}/cmdline`, 'utf8')
					.split('\0')
					.slice(1, 3)
					.map((arg) => path.basename(arg))
					.join(' ');
				peaks.set(pid, { name: `${name} ${cmd}`.trim(), hwmKb: hwm });
			} catch {
				// the process ended between listing and reading
			}
		}
	};
	const timer = setInterval(sample, 100);
	const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
	clearInterval(timer);
	// n8n 2.x's CLI may cut off the printed run of a large execution: success is judged by the exit
	// code and by the users the simulator stored, the node time taken when the print is whole.
	const result = parseExecution(stdout, stderr);
	if (code !== 0) {
		throw new Error(
			`memory run ${workflowId} failed: exit ${code}\n${(stdout + stderr).slice(-1000)}`,
		);
	}
	// The n8n process is the one spawned above (Node running n8n's bin, no wrapper); its peak must have
	// been read, or the figure is not printed at all.
	const mainKb = peaks.get(root)?.hwmKb ?? 0;
	if (!(mainKb > 0)) {
		throw new Error(
			`memory run ${workflowId}: no peak RSS read for the n8n process (pid ${root}); processes sampled: ${peaks.size}`,
		);
	}
	// Beside it: on 2.x, n8n's task runner (which runs the Code nodes); n8n 2.x also starts short shell
	// probes, left out below 20 MB.
	const list = [...peaks.entries()]
		.filter(([pid, p]) => pid === root || p.hwmKb >= 20 * 1024)
		.sort(([a, pa], [b, pb]) => (a === root ? -1 : b === root ? 1 : pb.hwmKb - pa.hwmKb))
		.map(([pid, p]) => ({ ...p, name: pid === root ? `n8n (${p.name})` : p.name }));
	const nodeTime = Number(result.data?.data?.resultData?.runData?.WebEngage?.[0]?.executionTime);
	return {
		mainKb,
		list,
		nodeTimeS:
			result.status === 'success' && Number.isFinite(nodeTime) ? nodeTime / 1000 : undefined,
	};
}

/** A process and all its descendants, from /proc. */
function tree(root: number): number[] {
	const children = new Map<number, number[]>();
	for (const entry of require('node:fs').readdirSync('/proc') as string[]) {
		if (!/^\d+$/.test(entry)) continue;
		try {
			const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
			const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
			children.set(ppid, [...(children.get(ppid) ?? []), Number(entry)]);
		} catch {
			// gone
		}
	}
	const out: number[] = [];
	const walk = (pid: number) => {
		out.push(pid);
		for (const child of children.get(pid) ?? []) walk(child);
	};
	walk(root);
	return out;
}

// ---------------------------------------------------------------- output

function printTables(): void {
	for (const table of tables) {
		const header = [
			'Path',
			'Requests',
			'Accepted',
			'Stored',
			'Node (s)',
			'Execution (s)',
			table.extraBaselines ? 'Ratio vs plain header' : 'Node time ratio',
		];
		const base = table.rows[table.baseline];
		const extra = (table.extraBaselines ?? []).map(({ row, column }) => {
			header.push(column);
			return table.rows[row];
		});
		const ratio = (b: PathResult, r: PathResult) =>
			r === b
				? '1.0x'
				: b.nodeMs >= r.nodeMs
					? `${(b.nodeMs / r.nodeMs).toFixed(1)}x faster`
					: `${(r.nodeMs / b.nodeMs).toFixed(1)}x slower`;
		const body = table.rows.map((r) => [
			r.label,
			String(r.requests),
			String(r.accepted),
			String(r.stored),
			(r.nodeMs / 1000).toFixed(2),
			(r.executionMs / 1000).toFixed(2),
			ratio(base, r),
			...extra.map((b) => ratio(b, r)),
		]);
		const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
		const line = (cells: string[]) =>
			cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ');
		console.log(`\n${table.title}, ${table.items} items, n8n ${N8N_VERSION}:\n`);
		console.log('```');
		console.log(line(header));
		console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
		for (const row of body) console.log(line(row));
		console.log('```');
	}
	for (const section of extraSections) console.log(`\n${section}`);
	console.log(
		`\nMachine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), load ${os
			.loadavg()
			.map((l) => l.toFixed(2))
			.join(
				' ',
			)} at the end; bench on Node ${process.version}, n8n ${N8N_VERSION} on Node 24; ${new Date().toISOString()}`,
	);
	console.log(
		`"Node" = the node alone, n8n's executionTime, the fastest of ${RUNS} run(s) of each path; "Execution" = stoppedAt − startedAt of that run (with the Code node making the items); ratio = HTTP Request node time ÷ this path's node time.`,
	);
}

async function main(): Promise<void> {
	console.log(
		`Bulk benchmark, n8n ${N8N_VERSION}: users ${USERS}, items ${ITEMS}, sustained windows ${SUSTAINED_WINDOWS}, memory users ${MEMORY_USERS}, paths ${[...ONLY].join(',')}`,
	);
	const n8n = await N8n.create('bench-bulk');
	try {
		if (['users', 'events', 'sustained'].some((p) => ONLY.has(p))) await webEngage(n8n);
		if (ONLY.has('sms') || ONLY.has('profiles')) await dotdigital(n8n);
		if (ONLY.has('engageone')) await engageOne(n8n);
		if (ONLY.has('engati')) await engati(n8n);
		if (ONLY.has('memory') && MEMORY_USERS > 0) await memory(n8n);
	} finally {
		printTables();
		n8n.cleanup();
	}
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
