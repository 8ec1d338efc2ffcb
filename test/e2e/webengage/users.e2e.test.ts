import { chainWorkflow, N8n, nodeType } from '../../../tools/harness/n8n';
import type { Simulator } from '../../../tools/simulators/core/simulator';
import {
	createWebEngageSimulator,
	WEBENGAGE_DEFAULTS,
	webEngageState,
} from '../../../tools/simulators/webengage';

const CREDENTIAL = { webEngageApi: { id: 'we-cred-1', name: 'WebEngage (simulator)' } };

/** The WebEngage node of these workflows, with the simulator's credential. */
const webEngage = (parameters: Record<string, unknown>) => ({
	name: 'WebEngage',
	type: nodeType('webEngage'),
	credentials: CREDENTIAL,
	parameters,
});

const workflows = {
	one: chainWorkflow({
		id: 'weUserOne',
		items: [{ id: 'u-1', first: 'Ada', phone: '+44 20 7946 0958' }],
		nodes: [
			webEngage({
				resource: 'user',
				operation: 'upsert',
				userId: '={{ $json.id }}',
				additionalFields: {
					firstName: '={{ $json.first }}',
					phone: '={{ $json.phone }}',
					birthDate: '1990-05-21T10:00:00+05:30',
				},
			}),
		],
	}),
	// Items 25–49 write users u-0 … u-24 again (the first two bulk calls share all their users); items
	// 50–99 are users u-25 … u-74.
	rewrite: chainWorkflow({
		id: 'weUserRewrite',
		items: {
			js: 'return Array.from({ length: 100 }, (_, i) => ({ id: `u-${i < 50 ? i % 25 : i - 25}`, first: `w${i}` }));',
		},
		nodes: [
			webEngage({
				resource: 'user',
				operation: 'upsertMany',
				userId: '={{ $json.id }}',
				additionalFields: { firstName: '={{ $json.first }}' },
			}),
		],
	}),
	many: chainWorkflow({
		id: 'weUserMany',
		items: {
			js: 'return Array.from({ length: 1000 }, (_, i) => ({ id: `bulk-${i}`, email: `user${i}@example.com` }));',
		},
		nodes: [
			webEngage({
				resource: 'user',
				operation: 'upsertMany',
				userId: '={{ $json.id }}',
				additionalFields: { email: '={{ $json.email }}' },
			}),
		],
	}),
};

describe('WebEngage users in a real n8n', () => {
	let sim: Simulator;
	let n8n: N8n;

	beforeAll(async () => {
		sim = createWebEngageSimulator();
		const url = await sim.start();
		n8n = await N8n.create('webengage-users');
		await n8n.importCredentials([
			{
				id: 'we-cred-1',
				name: 'WebEngage (simulator)',
				type: 'webEngageApi',
				data: {
					apiKey: WEBENGAGE_DEFAULTS.apiKey,
					licenseCode: WEBENGAGE_DEFAULTS.licenseCode,
					dataCenter: 'custom',
					baseUrl: url,
				},
			},
		]);
		await n8n.importWorkflows(Object.values(workflows));
	});

	afterAll(async () => {
		await sim.stop();
		n8n.cleanup();
	});

	beforeEach(() => sim.reset());

	it('upserts one user', async () => {
		const result = await n8n.execute(workflows.one.id);
		expect(result.error).toBeUndefined();
		expect(result.output('WebEngage')).toEqual([
			{ userId: 'u-1', anonymousId: null, status: 'queued' },
		]);
		const [request] = sim.accepted('upsertUser');
		expect(request.body).toEqual({
			userId: 'u-1',
			firstName: 'Ada',
			phone: '+442079460958',
			birthDate: '1990-05-21T10:00:00+0530',
		});
		expect(request.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
		expect(webEngageState(sim).users['u-1'].firstName).toBe('Ada');
		expect(result.raw).not.toContain(WEBENGAGE_DEFAULTS.apiKey);
	});

	it('upserts 1,000 users in 40 bulk calls of 25', async () => {
		const result = await n8n.execute(workflows.many.id);
		expect(result.error).toBeUndefined();
		const calls = sim.accepted('bulkUpsertUsers');
		expect(calls).toHaveLength(40);
		expect(calls.every((c) => (c.body as any).users.length === 25)).toBe(true);
		const out = result.items('WebEngage');
		expect(out).toHaveLength(1000);
		out.forEach((item, i) => {
			expect(item.json.userId).toBe(`bulk-${i}`);
			expect(item.pairedItem).toEqual({ item: i });
		});
		expect(Object.keys(webEngageState(sim).users)).toHaveLength(1000);
	});

	it('sends two bulk calls at once, never two at once holding the same user, so the last write wins', async () => {
		// Every bulk call is held 400 ms by the simulator, so calls that overlap show it in the log.
		sim.injectFault({ kind: 'delay', count: 4, operationId: 'bulkUpsertUsers', delayMs: 400 });
		const result = await n8n.execute(workflows.rewrite.id);
		expect(result.error).toBeUndefined();
		const calls = sim.accepted('bulkUpsertUsers');
		expect(calls).toHaveLength(4);
		const usersOf = (c: (typeof calls)[number]) =>
			new Set(((c.body as any).users as Array<{ userId: string }>).map((u) => u.userId));
		const overlapping: Array<[number, number]> = [];
		calls.forEach((a, i) =>
			calls.slice(i + 1).forEach((b, j) => {
				if (a.receivedAt < b.at && b.receivedAt < a.at) overlapping.push([i, i + 1 + j]);
			}),
		);
		// Calls that share no user went out together (e.g. the second and the third) …
		expect(overlapping.length).toBeGreaterThan(0);
		// … but no two calls in flight together held the same user.
		for (const [i, j] of overlapping) {
			const shared = [...usersOf(calls[i])].filter((id) => usersOf(calls[j]).has(id));
			expect(shared).toEqual([]);
		}
		const users = webEngageState(sim).users;
		// The later write of each user (item k + 25 for user u-k) is the one that stays.
		for (let k = 0; k < 75; k++) expect((users[`u-${k}`] as any).firstName).toBe(`w${k + 25}`);
		const out = result.items('WebEngage');
		expect(out.map((o) => o.pairedItem)).toEqual(out.map((_, item) => ({ item })));
		expect(out.map((o) => o.json.userId)).toEqual(
			out.map((_, i) => `u-${i < 50 ? i % 25 : i - 25}`),
		);
	});
});
