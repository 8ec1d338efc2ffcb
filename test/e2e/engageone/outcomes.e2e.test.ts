/**
 * EngageOne: a 2xx without a send_id is not a success, and a token renewal survives a transient
 * failure of the Users API (issue: one 500 on renewal stopped a 1,000-row run at row 300).
 */
import type { WorkflowNode } from '../../../tools/harness/n8n';
import { chainWorkflow, N8n, nodeType } from '../../../tools/harness/n8n';
import type { Simulator } from '../../../tools/simulators/core/simulator';
import {
	createEngageOneSimulator,
	demoCredential,
	engageOneState,
} from '../../../tools/simulators/engageone';

const sendNode = (parameters: Record<string, unknown>): WorkflowNode => ({
	name: 'EngageOne',
	type: nodeType('engageOneCommunicate'),
	credentials: {
		engageOneCommunicateApi: { id: 'demo-engageone', name: 'EngageOne Communicate (simulator)' },
	},
	parameters: {
		resource: 'campaign',
		operation: 'sendTransactional',
		campaign: 'outcomes',
		project: 'Samples',
		communication: 'Example',
		sender: 'sender@example.com',
		subject: 'Hello',
		emailField: 'email',
		...parameters,
	},
	onError: 'continueRegularOutput',
});
const THOUSAND = {
	js: 'return Array.from({ length: 1000 }, (_, i) => ({ email: `user${i}@example.com` }));',
};

const workflows = {
	perItem: chainWorkflow({
		id: 'eoOutcomePerItem',
		items: THOUSAND,
		nodes: [sendNode({ sendMode: 'perItem' })],
	}),
	batch: chainWorkflow({ id: 'eoOutcomeBatch', items: THOUSAND, nodes: [sendNode({})] }),
};

describe('EngageOne outcomes (real n8n)', () => {
	let sim: Simulator;
	let n8n: N8n;

	beforeAll(async () => {
		sim = createEngageOneSimulator();
		const url = await sim.start();
		n8n = await N8n.create('engageone-outcomes');
		await n8n.importCredentials([demoCredential(url)]);
		await n8n.importWorkflows(Object.values(workflows));
	});
	afterAll(async () => {
		await sim.stop();
		n8n.cleanup();
	});
	beforeEach(() => sim.reset());

	it('a 200 with send_id null is not a success: 1,000 rows in 2 calls, 0 reported sent, all unknown, nothing re-sent', async () => {
		engageOneState(sim).nullSendIds = 2;
		const result = await n8n.execute(workflows.batch.id);
		expect(result.error).toBeUndefined();
		const out = result.output('EngageOne');
		expect(out).toHaveLength(1000);
		expect(out.filter((o) => o.send_id !== undefined)).toHaveLength(0);
		expect(out.every((o) => o.outcome === 'unknown')).toBe(true);
		expect(out[734].error).toMatch(/send_id.*\[item 734\]$/);
		expect(engageOneState(sim).sends).toHaveLength(2);
	}, 120_000);

	// Runs after the test above, whose run left a valid token in the credential: so the faults hit the renewal.
	it('1,000 rows one call each: the token expires at row 300 and its renewal first gets a 500, then a reset; all 1,000 sent once', async () => {
		engageOneState(sim).expireTokensAfterSends = 300;
		sim.injectFault({ kind: '500', count: 1, operationId: 'authenticate' });
		sim.injectFault({ kind: 'reset', count: 1, operationId: 'authenticate' });
		const result = await n8n.execute(workflows.perItem.id);
		expect(result.error).toBeUndefined();
		const out = result.output('EngageOne');
		expect(out.filter((o) => o.error !== undefined)).toEqual([]);
		expect(out.every((o) => typeof o.send_id === 'string')).toBe(true);
		expect(engageOneState(sim).sends).toHaveLength(1000);
		expect(sim.requests('authenticate').map((r) => r.status)).toEqual([500, 0, 200]);
	}, 300_000);
});
