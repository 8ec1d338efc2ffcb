/**
 * Benchmark: N users upserted into the WebEngage simulator by this package's WebEngage node
 * (Create or Update Many, 25 users per bulk call) and by n8n's HTTP Request node doing the same job
 * the straightforward way (one POST per item to /v1/accounts/{lc}/users with a Bearer header), in one
 * run of one real n8n. Prints requests received by the simulator and wall time for both paths.
 *
 * Usage: npx tsx bench/webengage-upsert.ts   (BENCH_USERS=1000 to change N; default 10,000)
 */
import os from 'node:os';

import type { ExecutionResult } from '../tools/harness/n8n';
import { N8N_VERSION } from '../tools/harness/env';
import { chainWorkflow, N8n, nodeType, parseExecution } from '../tools/harness/n8n';
import {
	createWebEngageSimulator,
	WEBENGAGE_DEFAULTS,
	webEngageState,
} from '../tools/simulators/webengage';

const USERS = Number(process.env.BENCH_USERS ?? 10_000);
if (!Number.isInteger(USERS) || USERS < 1)
	throw new Error(`BENCH_USERS must be a positive integer, got "${process.env.BENCH_USERS}"`);

const CREDENTIAL_ID = 'bench-we-cred';
const CREDENTIAL_NAME = 'WebEngage (bench simulator)';
// Both paths upsert the same users with the same fields.
const INPUT_JS = `return Array.from({ length: ${USERS} }, (_, i) => ({ id: 'bench-' + i, email: 'user' + i + '@example.com', first: 'User ' + i }));`;

interface PathResult {
	label: string;
	requests: number;
	accepted: number;
	usersStored: number;
	executionMs: number;
	/** The upserting node alone, as n8n timed it (runData executionTime). */
	nodeMs: number;
	cliMs: number;
	outputItems: number;
}

async function main(): Promise<void> {
	const sim = createWebEngageSimulator();
	const url = await sim.start();
	const n8n = await N8n.create('bench');
	try {
		await n8n.importCredentials([
			{
				id: CREDENTIAL_ID,
				name: CREDENTIAL_NAME,
				type: 'webEngageApi',
				data: {
					apiKey: WEBENGAGE_DEFAULTS.apiKey,
					licenseCode: WEBENGAGE_DEFAULTS.licenseCode,
					dataCenter: 'custom',
					baseUrl: url,
				},
			},
		]);

		const nodeWorkflow = chainWorkflow({
			id: 'benchWeNode0001',
			name: `Bench: WebEngage node, ${USERS} users`,
			items: { js: INPUT_JS },
			nodes: [
				{
					name: 'WebEngage',
					type: nodeType('webEngage'),
					credentials: { webEngageApi: { id: CREDENTIAL_ID, name: CREDENTIAL_NAME } },
					parameters: {
						resource: 'user',
						operation: 'upsertMany',
						userId: '={{ $json.id }}',
						additionalFields: { email: '={{ $json.email }}', firstName: '={{ $json.first }}' },
					},
				},
			],
		});
		const httpWorkflow = chainWorkflow({
			id: 'benchWeHttp0001',
			name: `Bench: HTTP Request node, ${USERS} users`,
			items: { js: INPUT_JS },
			nodes: [
				{
					name: 'HTTP Request',
					type: 'n8n-nodes-base.httpRequest',
					typeVersion: 4.2,
					parameters: {
						method: 'POST',
						url: `${url}/v1/accounts/${encodeURIComponent(WEBENGAGE_DEFAULTS.licenseCode)}/users`,
						sendHeaders: true,
						headerParameters: {
							parameters: [{ name: 'Authorization', value: `Bearer ${WEBENGAGE_DEFAULTS.apiKey}` }],
						},
						sendBody: true,
						contentType: 'json',
						specifyBody: 'keypair',
						bodyParameters: {
							parameters: [
								{ name: 'userId', value: '={{ $json.id }}' },
								{ name: 'email', value: '={{ $json.email }}' },
								{ name: 'firstName', value: '={{ $json.first }}' },
							],
						},
						options: {},
					},
				},
			],
		});
		await n8n.importWorkflows([nodeWorkflow, httpWorkflow]);

		// The vendor allows 5,000 single upserts and 500 bulk calls per minute; the one-POST-per-user
		// baseline would be throttled by that, so both limits are lifted to compare raw throughput.
		sim.reset();
		const limitOverrides = { users: 1_000_000, bulkUsers: 1_000_000 };

		const runPath = async (
			label: string,
			workflowId: string,
			nodeName: string,
			operationId: string,
		): Promise<PathResult> => {
			sim.reset();
			sim.limitOverrides = { ...limitOverrides };
			const started = process.hrtime.bigint();
			const printed = await n8n.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
			const cliMs = Number(process.hrtime.bigint() - started) / 1e6;
			const result = parseExecution(printed.stdout, printed.stderr);
			assertSucceeded(label, result, printed.code, printed.stdout.length);
			const stored = Object.keys(webEngageState(sim).users).length;
			const outputItems = result.items(nodeName).length;
			if (stored !== USERS || outputItems !== USERS) {
				throw new Error(
					`${label}: expected ${USERS} users stored and output, got ${stored} stored and ${outputItems} output`,
				);
			}
			return {
				label,
				requests: sim.requests().length,
				accepted: sim.accepted(operationId).length,
				usersStored: stored,
				executionMs: executionMs(result),
				nodeMs: Number(
					result.data?.data?.resultData?.runData?.[nodeName]?.[0]?.executionTime ?? NaN,
				),
				cliMs,
				outputItems,
			};
		};

		console.log(
			`Benchmark: ${USERS} users upserted into the WebEngage simulator (${url}) in one real n8n ${N8N_VERSION}.`,
		);
		console.log(
			`Simulator per-minute limits raised for the bench (limitOverrides ${JSON.stringify(limitOverrides)}) so the baseline is not throttled.`,
		);
		const ours = await runPath(
			'WebEngage node (upsertMany, 25/call)',
			'benchWeNode0001',
			'WebEngage',
			'bulkUpsertUsers',
		);
		console.log(`  done: ${ours.label}`);
		const baseline = await runPath(
			'HTTP Request node 4.2 (1 POST/item)',
			'benchWeHttp0001',
			'HTTP Request',
			'upsertUser',
		);
		console.log(`  done: ${baseline.label}`);

		printTable([ours, baseline], ours, baseline);
	} finally {
		await sim.stop();
		n8n.cleanup();
	}
}

function assertSucceeded(
	label: string,
	result: ExecutionResult,
	exitCode: number,
	printedChars: number,
): void {
	if (result.error || result.status !== 'success') {
		throw new Error(
			`${label}: the execution failed (n8n exit code ${exitCode}, ${printedChars} characters printed): ` +
				`${result.error?.message.slice(0, 500) ?? result.status}\nLast lines:\n${result.raw.slice(-1000)}`,
		);
	}
}

/** The execution's own duration, from the run n8n printed (startedAt → stoppedAt). */
function executionMs(result: ExecutionResult): number {
	const started = Date.parse(result.data?.startedAt);
	const stopped = Date.parse(result.data?.stoppedAt);
	if (Number.isNaN(started) || Number.isNaN(stopped)) {
		throw new Error('n8n did not print startedAt/stoppedAt for the execution');
	}
	return stopped - started;
}

function printTable(rows: PathResult[], ours: PathResult, baseline: PathResult): void {
	const header = [
		'Path',
		'Requests',
		'Accepted',
		'Users stored',
		'Node (s)',
		'Execution (s)',
		'CLI call (s)',
	];
	const body = rows.map((r) => [
		r.label,
		String(r.requests),
		String(r.accepted),
		String(r.usersStored),
		(r.nodeMs / 1000).toFixed(2),
		(r.executionMs / 1000).toFixed(2),
		(r.cliMs / 1000).toFixed(2),
	]);
	const ratio = (a: number, b: number) => `${(a / b).toFixed(1)}x`;
	body.push([
		'Ratio HTTP Request / this node',
		ratio(baseline.requests, ours.requests),
		'',
		'',
		ratio(baseline.nodeMs, ours.nodeMs),
		ratio(baseline.executionMs, ours.executionMs),
		ratio(baseline.cliMs, ours.cliMs),
	]);
	const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i].length)));
	const line = (cells: string[]) =>
		cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' | ');
	console.log('');
	console.log(line(header));
	console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
	for (const row of body) console.log(line(row));
	console.log('');
	console.log(
		`Machine: ${os.cpus().length} cores (${os.cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version} for the bench, n8n ${N8N_VERSION} on Node 24; ${new Date().toISOString()}`,
	);
	console.log(
		'"Node" = the upserting node alone (n8n\'s executionTime); "Execution" = the execution\'s stoppedAt - startedAt',
	);
	console.log(
		'(includes the Code node making the input items); "CLI call" = around `n8n execute` (adds n8n start-up, ~3 s, and printing the run).',
	);
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
