/**
 * Fault storm: 10,000 WebEngage users (Create or Update Many in 20 executions of 500, 400 bulk calls) and 10,000 dotdigital
 * messages (Send Many, 20 executions of 500 messages, one batch call each) sent by one real n8n to
 * the simulators while they inject a seeded mix of 429s, 5xx (before and after processing), resets
 * (before and after processing), hangs, truncated JSON and HTML pages. Both nodes run with
 * "On Error: Continue". The simulators count what they accepted; the figures compare that with what
 * the node reported for each record:
 *
 *   delivered      the vendor holds it (at least once)
 *   lost           reported sent, but the vendor does not hold it (must be 0)
 *   failed, sent   reported as a plain failure, but the vendor holds it (must be 0)
 *   sent twice     the vendor holds it more than once
 *   unknown        reported with outcome "unknown" (of which: delivered)
 *
 * Usage: npx tsx bench/storm.ts  (STORM_SEED=…, STORM_USERS=…, STORM_MESSAGES=… to change the run)
 */
import { chainWorkflow, N8n, nodeType } from '../tools/harness/n8n';
import type { FaultMix } from '../tools/simulators/core/simulator';
import {
	createDotdigitalSimulator,
	demoCredential as dotdigitalCredential,
	dotdigitalState,
} from '../tools/simulators/dotdigital';
import {
	createWebEngageSimulator,
	demoCredential as webEngageCredential,
	webEngageState,
} from '../tools/simulators/webengage';

const SEED = Number(process.env.STORM_SEED ?? 20261202);
const USERS = Number(process.env.STORM_USERS ?? 10_000);
const MESSAGES = Number(process.env.STORM_MESSAGES ?? 10_000);
const RUN_SIZE = 500;

/** The mix each vendor call is drawn from (about one call in four meets a fault). */
const RATES: FaultMix['rates'] = {
	'429': 0.05,
	'500': 0.03,
	'503': 0.02,
	reset: 0.03,
	'reset-after-processing': 0.03,
	'500-after-processing': 0.03,
	malformed: 0.02,
	html: 0.02,
	'html-after-processing': 0.01,
	delay: 0.02,
};
const HANG_MS = 3000;

interface Figures {
	records: number;
	reportedSent: number;
	delivered: number;
	lost: number;
	failedButSent: number;
	sentTwice: number;
	unknown: number;
	unknownDelivered: number;
	plainFailures: number;
	calls: number;
	faults: number;
}

function figures(
	records: string[],
	reported: Map<string, Record<string, unknown>>,
	held: Map<string, number>,
	calls: number,
	faults: number,
): Figures {
	const f: Figures = {
		records: records.length,
		reportedSent: 0,
		delivered: 0,
		lost: 0,
		failedButSent: 0,
		sentTwice: 0,
		unknown: 0,
		unknownDelivered: 0,
		plainFailures: 0,
		calls,
		faults,
	};
	for (const key of records) {
		const json = reported.get(key);
		const times = held.get(key) ?? 0;
		if (times > 0) f.delivered++;
		if (times > 1) f.sentTwice++;
		if (!json) throw new Error(`the node reported nothing for ${key}`);
		if (json.outcome === 'unknown') {
			f.unknown++;
			if (times > 0) f.unknownDelivered++;
		} else if (json.error !== undefined) {
			f.plainFailures++;
			if (times > 0) f.failedButSent++;
		} else {
			f.reportedSent++;
			if (times === 0) f.lost++;
		}
	}
	return f;
}

function print(title: string, f: Figures, note: string): void {
	console.log(`\n${title}`);
	console.log(`  records ${f.records}, vendor calls ${f.calls}, of which met a fault ${f.faults}`);
	console.log(`  delivered     ${f.delivered}`);
	console.log(`  lost          ${f.lost}   (reported sent, vendor does not hold it)`);
	console.log(`  sent twice    ${f.sentTwice}${note}`);
	console.log(
		`  unknown       ${f.unknown}   (outcome "unknown"; of these the vendor holds ${f.unknownDelivered})`,
	);
	console.log(
		`  plain failed  ${f.plainFailures}   (of these the vendor holds ${f.failedButSent})`,
	);
	console.log(`  reported sent ${f.reportedSent}`);
}

async function main(): Promise<void> {
	const we = createWebEngageSimulator();
	const dd = createDotdigitalSimulator();
	const weUrl = await we.start();
	const ddUrl = await dd.start();
	const n8n = await N8n.create('storm');
	try {
		await n8n.importCredentials([webEngageCredential(weUrl), dotdigitalCredential(ddUrl)]);
		const userRuns = Array.from({ length: Math.ceil(USERS / RUN_SIZE) }, (_, r) =>
			usersWorkflow(r),
		);
		const messageRuns = Array.from({ length: Math.ceil(MESSAGES / RUN_SIZE) }, (_, r) =>
			messagesWorkflow(r),
		);
		await n8n.importWorkflows([...userRuns, ...messageRuns]);

		// Per-minute limits stay the vendor's; the storm's 429s come from the mix.
		we.setFaultMix({
			seed: SEED,
			rates: RATES,
			operationIds: ['bulkUpsertUsers'],
			delayMs: HANG_MS,
		});
		dd.setFaultMix({
			seed: SEED + 1,
			rates: RATES,
			operationIds: ['POST /cpaas/messages/batch'],
			delayMs: HANG_MS,
		});

		console.log(
			`Fault storm (seed ${SEED}) against the simulators in one real n8n; mix per call: ${JSON.stringify(RATES)}, hang ${HANG_MS} ms`,
		);
		const onlyDotdigital = process.env.STORM_ONLY === 'dotdigital';
		if (!onlyDotdigital) {
			// One execution per 500 users: n8n's CLI cuts off the printed run of a 10,000-item one.
			const weReported = new Map<string, Record<string, unknown>>();
			for (const [r, workflow] of userRuns.entries()) {
				const weResult = await n8n.execute(workflow.id);
				if (weResult.error)
					throw new Error(`WebEngage run ${r} failed: ${weResult.error.message.slice(0, 500)}`);
				weResult
					.items('WebEngage')
					.forEach((item, i) => weReported.set(`storm-${r * RUN_SIZE + i}`, item.json));
			}
			const weHeld = new Map<string, number>(
				Object.entries(webEngageState(we).users).map(([id, u]) => [id, Number(u.updates ?? 0)]),
			);
			const weCalls = we.requests('bulkUpsertUsers');
			print(
				`WebEngage, ${USERS} users (Create or Update Many, ${RUN_SIZE} per execution)`,
				figures(
					Array.from({ length: USERS }, (_, i) => `storm-${i}`),
					weReported,
					weHeld,
					weCalls.length,
					weCalls.filter((r) => r.refusal?.startsWith('fault')).length,
				),
				'   (an upsert replayed: the same profile, harmless)',
			);
		}

		// One execution per 500 messages: n8n's CLI cuts off the printed run of a much larger one.
		const ddReported = new Map<string, Record<string, unknown>>();
		for (const [r, workflow] of messageRuns.entries()) {
			const ddResult = await n8n.execute(workflow.id);
			if (ddResult.error)
				throw new Error(`dotdigital run ${r} failed: ${ddResult.error.message.slice(0, 500)}`);
			ddResult
				.items('dotdigital')
				.forEach((item, i) => ddReported.set(phone(r * RUN_SIZE + i), item.json));
		}
		const ddHeld = new Map<string, number>();
		for (const m of dotdigitalState(dd).messages as Array<{ to: { phoneNumber: string } }>) {
			ddHeld.set(m.to.phoneNumber, (ddHeld.get(m.to.phoneNumber) ?? 0) + 1);
		}
		const ddCalls = dd.requests('POST /cpaas/messages/batch');
		print(
			`dotdigital, ${MESSAGES} messages (Send Many, ${RUN_SIZE} per execution)`,
			figures(
				Array.from({ length: MESSAGES }, (_, i) => phone(i)),
				ddReported,
				ddHeld,
				ddCalls.length,
				ddCalls.filter((r) => r.refusal?.startsWith('fault')).length,
			),
			'',
		);
	} finally {
		await we.stop();
		await dd.stop();
		n8n.cleanup();
	}
}

const phone = (i: number) => `4477${String(i).padStart(8, '0')}`;

/** Users r·500 … r·500+499 through Create or Update Many, on error continue. */
function usersWorkflow(r: number) {
	const first = r * RUN_SIZE;
	const count = Math.min(RUN_SIZE, USERS - first);
	return chainWorkflow({
		id: `stormWe${String(r).padStart(3, '0')}`,
		items: {
			js: `return Array.from({ length: ${count} }, (_, i) => ({ id: 'storm-' + (${first} + i) }));`,
		},
		nodes: [
			{
				name: 'WebEngage',
				type: nodeType('webEngage'),
				credentials: { webEngageApi: { id: 'demo-webengage', name: 'WebEngage (simulator)' } },
				parameters: {
					resource: 'user',
					operation: 'upsertMany',
					userId: '={{ $json.id }}',
					additionalFields: { firstName: '={{ $json.id }}' },
				},
				onError: 'continueRegularOutput',
			},
		],
	});
}

/** Messages r·500 … r·500+499 through Send Many, on error continue. */
function messagesWorkflow(r: number) {
	const first = r * RUN_SIZE;
	const count = Math.min(RUN_SIZE, MESSAGES - first);
	return chainWorkflow({
		id: `stormDd${String(r).padStart(3, '0')}`,
		items: {
			js: `return Array.from({ length: ${count} }, (_, i) => ({ phone: '+4477' + String(${first} + i).padStart(8, '0') }));`,
		},
		nodes: [
			{
				name: 'dotdigital',
				type: nodeType('dotdigitalCpaas'),
				credentials: {
					dotdigitalCpaasApi: { id: 'demo-dotdigital', name: 'dotdigital CPaaS (simulator)' },
				},
				parameters: {
					resource: 'message',
					operation: 'sendMany',
					toType: 'phoneNumber',
					phoneNumber: '={{ $json.phone }}',
					rules: ['sms'],
					body: 'Storm',
				},
				onError: 'continueRegularOutput',
			},
		],
	});
}

main().catch((error) => {
	console.error(error instanceof Error ? error.message : error);
	process.exitCode = 1;
});
