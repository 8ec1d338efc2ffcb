/** The WebEngage simulator dedupes only where WebEngage documents it, and the core's new faults behave. */
import type { Simulator } from '../../../tools/simulators/core/simulator';
import {
	createWebEngageSimulator,
	WEBENGAGE_DEFAULTS,
	webEngageState,
} from '../../../tools/simulators/webengage';

let sim: Simulator;
const lc = encodeURIComponent(WEBENGAGE_DEFAULTS.licenseCode);
const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
	try {
		const response = await fetch(`${sim.url}${path.replace('{lc}', lc)}`, {
			method: 'POST',
			headers: {
				Authorization: `Bearer ${WEBENGAGE_DEFAULTS.apiKey}`,
				'Content-Type': 'application/json',
				...headers,
			},
			body: JSON.stringify(body),
		});
		return { status: response.status, text: await response.text() };
	} catch {
		return { status: 0, text: '' };
	}
};

beforeAll(async () => {
	sim = createWebEngageSimulator();
	await sim.start();
});
afterAll(async () => await sim.stop());
beforeEach(() => sim.reset());

describe('WebEngage simulator dedupe (only what the docs say)', () => {
	it('drops a replayed x-request-id on /events, but not on /bulk-events', async () => {
		const id = { 'x-request-id': 'abc123' };
		await post('/v1/accounts/{lc}/events', { userId: 'u', eventName: 'E' }, id);
		await post('/v1/accounts/{lc}/events', { userId: 'u', eventName: 'E' }, id);
		expect(webEngageState(sim).events).toHaveLength(1);
		await post(
			'/v1/accounts/{lc}/bulk-events',
			{ events: [{ userId: 'u', eventName: 'B' }] },
			{ 'x-request-id': 'bulk1' },
		);
		await post(
			'/v1/accounts/{lc}/bulk-events',
			{ events: [{ userId: 'u', eventName: 'B' }] },
			{ 'x-request-id': 'bulk1' },
		);
		expect(webEngageState(sim).events).toHaveLength(3);
	});

	it('a single-campaign txnId dedupes nothing; dedupe.ttl ignores an identical request in its window', async () => {
		await post('/v1/accounts/{lc}/users', { userId: 'peter' });
		const path = '/v2/accounts/{lc}/experiments/~c1/transaction';
		await post(path, { userId: 'peter', txnId: 't-1' });
		await post(path, { userId: 'peter', txnId: 't-1' });
		expect(webEngageState(sim).transactions).toHaveLength(2);
		await post(path, { userId: 'peter', txnId: 't-2', dedupe: { ttl: 60 } });
		await post(path, { userId: 'peter', txnId: 't-2', dedupe: { ttl: 60 } });
		expect(webEngageState(sim).transactions).toHaveLength(3);
	});
});

describe('simulator faults', () => {
	it('html answers 200 with a page and processes nothing; the -after-processing kinds process, then lose the answer', async () => {
		sim.injectFault({ kind: 'html', count: 1 });
		const html = await post('/v1/accounts/{lc}/bulk-users', { users: [{ userId: 'a' }] });
		expect(html.status).toBe(200);
		expect(html.text).toMatch(/^<!DOCTYPE html>/);
		expect(webEngageState(sim).users).toEqual({});
		expect(sim.accepted()).toHaveLength(0);

		sim.injectFault({ kind: '500-after-processing', count: 1 });
		expect((await post('/v1/accounts/{lc}/bulk-users', { users: [{ userId: 'b' }] })).status).toBe(
			500,
		);
		sim.injectFault({ kind: 'html-after-processing', count: 1 });
		expect((await post('/v1/accounts/{lc}/bulk-users', { users: [{ userId: 'c' }] })).text).toMatch(
			/<html>/,
		);
		sim.injectFault({ kind: 'reset-after-processing', count: 1 });
		expect((await post('/v1/accounts/{lc}/bulk-users', { users: [{ userId: 'd' }] })).status).toBe(
			0,
		);
		expect(Object.keys(webEngageState(sim).users).sort()).toEqual(['b', 'c', 'd']);
	});

	it('a fault mix draws the same faults for the same seed', async () => {
		const draw = async () => {
			sim.reset();
			sim.setFaultMix({
				seed: 7,
				rates: { '500': 0.3, '429': 0.3 },
				operationIds: ['bulkUpsertUsers'],
			});
			const statuses: number[] = [];
			for (let i = 0; i < 20; i++)
				statuses.push(
					(await post('/v1/accounts/{lc}/bulk-users', { users: [{ userId: `m${i}` }] })).status,
				);
			return statuses;
		};
		const first = await draw();
		expect(await draw()).toEqual(first);
		expect(first).toEqual(expect.arrayContaining([500, 429, 201]));
	});
});
