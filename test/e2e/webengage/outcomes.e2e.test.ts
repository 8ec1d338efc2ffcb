/**
 * WebEngage replays only where it is safe (issue: unknown outcomes). The simulator dedupes only what
 * WebEngage documents (x-request-id on the single /users and /events, dedupe.ttl on transactions), so
 * these runs show the worst case.
 */
import type { N8n } from '../../../tools/harness/n8n';
import { chainWorkflow } from '../../../tools/harness/n8n';
import type { Simulator } from '../../../tools/simulators/core/simulator';
import { webEngageState } from '../../../tools/simulators/webengage';
import { seedUser, startWebEngage, webEngage } from './helpers';

const records = (n: number) => `return Array.from({ length: ${n} }, (_, i) => ({ id: 'o-' + i }));`;
const onError = 'continueRegularOutput' as const;

const workflows = {
	users: chainWorkflow({
		id: 'weOutcomeUsers',
		items: { js: records(100) },
		nodes: [
			webEngage(
				'WebEngage',
				{ resource: 'user', operation: 'upsertMany', userId: '={{ $json.id }}' },
				{ onError },
			),
		],
	}),
	events: chainWorkflow({
		id: 'weOutcomeEvents',
		items: { js: records(100) },
		nodes: [
			webEngage(
				'WebEngage',
				{
					resource: 'event',
					operation: 'trackMany',
					userId: '={{ $json.id }}',
					eventName: 'Bought',
				},
				{ onError },
			),
		],
	}),
	txn: chainWorkflow({
		id: 'weOutcomeTxn',
		items: [{ id: 'peter' }],
		nodes: [
			webEngage(
				'WebEngage',
				{
					resource: 'transactionalCampaign',
					operation: 'trigger',
					campaignId: '~c1',
					userId: '={{ $json.id }}',
				},
				{ onError },
			),
		],
	}),
	txnDeduped: chainWorkflow({
		id: 'weOutcomeTxnDedupe',
		items: [{ id: 'peter' }],
		nodes: [
			webEngage(
				'WebEngage',
				{
					resource: 'transactionalCampaign',
					operation: 'trigger',
					campaignId: '~c1',
					userId: '={{ $json.id }}',
					dedupeTtl: 600,
				},
				{ onError },
			),
		],
	}),
};

describe('WebEngage: unknown outcomes and safe replays (real n8n)', () => {
	let sim: Simulator;
	let n8n: N8n;

	beforeAll(async () => {
		({ sim, n8n } = await startWebEngage('webengage-outcomes'));
		await n8n.importWorkflows(Object.values(workflows));
	});
	afterAll(async () => {
		await sim.stop();
		n8n.cleanup();
	});
	beforeEach(() => sim.reset());

	it('a 2xx that is not the expected JSON is never a success: 0 of 100 "queued" when nothing was processed', async () => {
		// A proxy answers 200 with an HTML page 4 times: nothing reaches WebEngage.
		sim.injectFault({ kind: 'html', count: 4, operationId: 'bulkTrackEvents' });
		const result = await n8n.execute(workflows.events.id);
		expect(result.error).toBeUndefined();
		const out = result.output('WebEngage');
		expect(out.filter((o) => o.status === 'queued')).toHaveLength(0);
		expect(out.every((o) => o.outcome === 'unknown')).toBe(true);
		expect(webEngageState(sim).events).toHaveLength(0);
	});

	it('bulk events processed then reset: not replayed (no documented dedupe), 25 unknown, every event recorded once', async () => {
		sim.injectFault({ kind: 'reset-after-processing', count: 1, operationId: 'bulkTrackEvents' });
		const result = await n8n.execute(workflows.events.id);
		const out = result.output('WebEngage');
		expect(sim.requests('bulkTrackEvents')).toHaveLength(4);
		expect(webEngageState(sim).events).toHaveLength(100);
		expect(out.slice(0, 25).every((o) => o.outcome === 'unknown')).toBe(true);
		expect(out[24].error).toMatch(/\[item 24\]$/);
		expect(out.slice(25).every((o) => o.status === 'queued')).toBe(true);
	});

	it('bulk users (an upsert) processed then reset, or answered with HTML: replayed, all 100 stored and reported queued', async () => {
		sim.injectFault({ kind: 'reset-after-processing', count: 1, operationId: 'bulkUpsertUsers' });
		sim.injectFault({ kind: 'html', count: 1, operationId: 'bulkUpsertUsers' });
		const result = await n8n.execute(workflows.users.id);
		const out = result.output('WebEngage');
		expect(out.filter((o) => o.status === 'queued')).toHaveLength(100);
		expect(Object.keys(webEngageState(sim).users)).toHaveLength(100);
		expect(sim.requests('bulkUpsertUsers')).toHaveLength(6);
	});

	it('a single-campaign transaction is replayed only with dedupe.ttl; sent once either way', async () => {
		await seedUser(sim, 'peter');
		sim.injectFault({
			kind: '500-after-processing',
			count: 1,
			operationId: 'triggerTransactional',
		});
		const plain = await n8n.execute(workflows.txn.id);
		expect(plain.output('WebEngage')[0]).toMatchObject({ outcome: 'unknown' });
		expect(sim.requests('triggerTransactional')).toHaveLength(1);
		expect(webEngageState(sim).transactions).toHaveLength(1);

		sim.reset();
		await seedUser(sim, 'peter');
		sim.injectFault({
			kind: 'reset-after-processing',
			count: 1,
			operationId: 'triggerTransactional',
		});
		const deduped = await n8n.execute(workflows.txnDeduped.id);
		expect(deduped.output('WebEngage')[0]).toMatchObject({
			txnId: expect.any(String),
			experimentId: '~c1',
		});
		expect(sim.requests('triggerTransactional')).toHaveLength(2);
		expect(webEngageState(sim).transactions).toHaveLength(1);
	});
});
