/**
 * Unknown outcomes of dotdigital sends (issue: a batch processed and then reset was reported as 5,000
 * plain failures, all named "[item 0]", with n8n's "You can retry the request immediately").
 */
import type { N8n } from '../../../tools/harness/n8n';
import { chainWorkflow } from '../../../tools/harness/n8n';
import type { FaultKind, Simulator } from '../../../tools/simulators/core/simulator';
import { dotdigitalState } from '../../../tools/simulators/dotdigital';
import { CREDENTIAL, DD, startDotdigital } from './helpers';

const BATCH = 'POST /cpaas/messages/batch';
const phones = (n: number) =>
	`return Array.from({ length: ${n} }, (_, i) => ({ phone: '+4477' + String(i).padStart(8, '0') }));`;
const sendMany = (onError?: 'continueRegularOutput') => ({
	name: 'dotdigital',
	type: DD,
	credentials: CREDENTIAL,
	parameters: {
		resource: 'message',
		operation: 'sendMany',
		toType: 'phoneNumber',
		phoneNumber: '={{ $json.phone }}',
		rules: ['sms'],
		body: 'Hi',
	},
	...(onError ? { onError } : {}),
});

const workflows = {
	tenThousand: chainWorkflow({
		id: 'ddOutcome10k',
		items: { js: phones(10_000) },
		nodes: [sendMany('continueRegularOutput')],
	}),
	small: chainWorkflow({
		id: 'ddOutcomeSmall',
		items: { js: phones(20) },
		nodes: [sendMany('continueRegularOutput')],
	}),
	stop: chainWorkflow({ id: 'ddOutcomeStop', items: { js: phones(20) }, nodes: [sendMany()] }),
};

const N8N_RETRY_TEXT = 'retry the request immediately';

describe('dotdigital Send Many when the answer of a processed batch is lost (real n8n)', () => {
	let sim: Simulator;
	let n8n: N8n;

	beforeAll(async () => {
		({ sim, n8n } = await startDotdigital('dotdigital-outcomes', Object.values(workflows)));
	});
	afterAll(async () => {
		await sim.stop();
		n8n.cleanup();
	});
	beforeEach(() => sim.reset());

	it('10,000 messages, the first batch processed then reset: 0 plain failures, 0 sent twice, 5,000 unknown naming their own items', async () => {
		sim.injectFault({ kind: 'reset-after-processing', count: 1, operationId: BATCH });
		const result = await n8n.execute(workflows.tenThousand.id);
		expect(result.error).toBeUndefined();
		expect(sim.requests(BATCH)).toHaveLength(2); // not replayed
		const stored = dotdigitalState(sim).messages as Array<{ to: { phoneNumber: string } }>;
		expect(stored).toHaveLength(10_000);
		expect(new Set(stored.map((m) => m.to.phoneNumber)).size).toBe(10_000);

		const out = result.items('dotdigital');
		expect(out).toHaveLength(10_000);
		const unknown = out.filter((o) => o.json.outcome === 'unknown');
		const plainFailures = out.filter(
			(o) => o.json.error !== undefined && o.json.outcome !== 'unknown',
		);
		expect(plainFailures).toHaveLength(0);
		expect(unknown).toHaveLength(5000);
		unknown.forEach((o, i) => {
			expect(o.pairedItem).toEqual({ item: i });
			expect(o.json.error).toMatch(
				new RegExp(
					`^Outcome unknown: dotdigital CPaaS may have accepted this request .*ECONNRESET.*\\[item ${i}\\]$`,
				),
			);
			expect(o.json.description).toContain('Do not re-send it blindly');
			expect(o.json.description).toContain('Message History');
		});
		out
			.slice(5000)
			.forEach((o) =>
				expect(o.json).toMatchObject({ messageId: expect.any(String), status: 'accepted' }),
			);
		expect(result.raw).not.toContain(N8N_RETRY_TEXT);
	}, 240_000);

	it.each<[FaultKind, string]>([
		['500-after-processing', 'HTTP 500'],
		['html-after-processing', 'not valid JSON'],
		['malformed', 'not valid JSON'],
	])(
		'a batch answered with %s is an unknown outcome, sent once',
		async (kind, cause) => {
			sim.injectFault({ kind, count: 1, operationId: BATCH });
			const result = await n8n.execute(workflows.small.id);
			expect(result.error).toBeUndefined();
			expect(sim.requests(BATCH)).toHaveLength(1);
			expect(dotdigitalState(sim).messages).toHaveLength(20);
			const out = result.items('dotdigital');
			expect(out.map((o) => o.json.outcome)).toEqual(Array(20).fill('unknown'));
			expect(out[7].json.error).toContain(cause);
			expect(out[7].json.error).toMatch(/\[item 7\]$/);
			expect(result.raw).not.toContain(N8N_RETRY_TEXT);
		},
		60_000,
	);

	it('without continue-on-fail, the run stops with a clear unknown-outcome error naming the batch', async () => {
		sim.injectFault({ kind: 'reset-after-processing', count: 1, operationId: BATCH });
		const result = await n8n.execute(workflows.stop.id);
		expect(result.error?.message).toMatch(
			/^Outcome unknown: dotdigital CPaaS may have accepted this request .*\(batch of items 0–19\) \[item 0\]$/,
		);
		expect(result.raw).toContain('Do not re-send it blindly');
		expect(result.raw).not.toContain(N8N_RETRY_TEXT);
		expect(sim.requests(BATCH)).toHaveLength(1);
	}, 60_000);
});
