jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn() }));

import type { IDataObject } from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import type { BatchEntry } from '../../../nodes/shared/batching';
import { processInBatches } from '../../../nodes/shared/batching';
import { errorItemJson, isUnknownOutcome, UNKNOWN_OUTCOME } from '../../../nodes/shared/errors';
import type { VendorApi } from '../../../nodes/shared/transport';
import { apiRequestFull } from '../../../nodes/shared/transport';
import { mockContext, n8nHttpError } from './mock-context';

const api: VendorApi = {
	name: 'Acme',
	credentialType: 'acmeApi',
	baseUrl: (c) => String(c.baseUrl),
	errorMessage: (body) => (body as { error?: { text?: string } } | undefined)?.error?.text,
	retry: { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 100, maxTotalWaitMs: 5000 },
};
const CREDENTIALS = { baseUrl: 'http://127.0.0.1:9' };
const reset = () => n8nHttpError({ code: 'ECONNRESET', message: 'socket hang up' });
const n8nResetText = 'You can retry the request immediately';

async function failure(promise: Promise<unknown>): Promise<NodeApiError> {
	try {
		await promise;
	} catch (error) {
		return error as NodeApiError;
	}
	throw new Error('expected the request to fail');
}

const queued = (body: unknown) =>
	(body as { response?: { status?: unknown } })?.response?.status === 'queued'
		? undefined
		: 'no "queued" status';

describe('unknown outcomes (the vendor may have acted)', () => {
	it.each([
		['a 500', { status: 500, body: { error: { text: 'boom' } } }, 'HTTP 500: boom'],
		['a reset', { throws: reset() }, 'ECONNRESET'],
		['a truncated 2xx', { status: 202, body: '[{"index":0,"messa' }, 'not valid JSON'],
		['an HTML 2xx', { status: 200, body: '<html><body>Gateway</body></html>' }, 'not valid JSON'],
	] as const)(
		'reports %s after a POST that cannot be replayed as an unknown outcome, not sent again',
		async (_label, outcome, cause) => {
			const { ctx, sent } = mockContext({
				credentials: CREDENTIALS,
				outcomes: [outcome as never, { status: 202, body: [] }],
			});
			const error = await failure(
				apiRequestFull.call(ctx, api, {
					method: 'POST',
					path: '/batch',
					body: [],
					itemIndex: 3,
					unknownOutcomeCheck: 'look it up',
				}),
			);
			expect(sent).toHaveLength(1);
			expect(isUnknownOutcome(error)).toBe(true);
			expect(error.message).toMatch(/^Outcome unknown: Acme may have accepted this request \(/);
			expect(error.message).toContain(cause);
			expect(error.message).toMatch(/\[item 3\]$/);
			expect(error.description).toContain('Do not re-send it blindly');
			expect(error.description).toContain('look it up');
			expect(`${error.message} ${error.description}`).not.toContain(n8nResetText);
			expect(errorItemJson(error)).toMatchObject({ outcome: UNKNOWN_OUTCOME });
		},
	);

	it('fails a 2xx whose body is not the expected one: unknown for a POST, replayed for an upsert', async () => {
		const post = mockContext({
			credentials: CREDENTIALS,
			outcomes: [{ status: 201, body: { unexpected: true } }],
		});
		const error = await failure(
			apiRequestFull.call(post.ctx, api, { method: 'POST', path: '/events', expect: queued }),
		);
		expect(isUnknownOutcome(error)).toBe(true);
		expect(error.message).toContain('no "queued" status');

		const upsert = mockContext({
			credentials: CREDENTIALS,
			outcomes: [
				{ status: 201, body: '' },
				{ status: 201, body: { response: { status: 'queued' } } },
			],
		});
		const response = await apiRequestFull.call(upsert.ctx, api, {
			method: 'POST',
			path: '/users',
			expect: queued,
			idempotent: true,
		});
		expect(response.body).toEqual({ response: { status: 'queued' } });
		expect(upsert.sent).toHaveLength(2);
	});

	it('keeps plain failures plain: a 4xx, a refused connection, and a replay-safe request that kept failing', async () => {
		const bad = mockContext({
			credentials: CREDENTIALS,
			outcomes: [{ status: 400, body: { error: { text: 'bad' } } }],
		});
		const e400 = await failure(apiRequestFull.call(bad.ctx, api, { method: 'POST', path: '/x' }));
		expect(isUnknownOutcome(e400)).toBe(false);
		expect(errorItemJson(e400).outcome).toBeUndefined();

		const refused = n8nHttpError({ code: 'ECONNREFUSED', message: 'connect ECONNREFUSED' });
		const down = mockContext({
			credentials: CREDENTIALS,
			outcomes: [{ throws: refused }, { throws: refused }, { throws: refused }],
		});
		expect(
			isUnknownOutcome(
				await failure(apiRequestFull.call(down.ctx, api, { method: 'POST', path: '/x' })),
			),
		).toBe(false);

		const get = mockContext({
			credentials: CREDENTIALS,
			outcomes: Array.from({ length: 4 }, () => ({ status: 503 })),
		});
		expect(
			isUnknownOutcome(
				await failure(apiRequestFull.call(get.ctx, api, { method: 'GET', path: '/x' })),
			),
		).toBe(false);
	});
});

describe('a failed batch', () => {
	const items = (n: number) => Array.from({ length: n }, (_, i) => ({ json: { i } }));

	it('gives each item its own marker and the unknown outcome, though the request named the first item', async () => {
		const { ctx } = mockContext({
			continueOnFail: true,
			credentials: CREDENTIALS,
			outcomes: [{ throws: reset() }],
		});
		const send = async (chunk: Array<BatchEntry<IDataObject>>) => {
			await apiRequestFull.call(ctx, api, {
				method: 'POST',
				path: '/batch',
				body: chunk.map((c) => c.entry),
				itemIndex: chunk[0].itemIndex,
			});
			return chunk.map(() => ({}));
		};
		const out = await processInBatches.call(ctx, items(4), {
			batchSize: 4,
			prepare: (i) => ({ i }),
			send,
		});
		expect(out.map((o) => String(o.json.error).match(/\[item (\d+)\]$/)?.[1])).toEqual([
			'0',
			'1',
			'2',
			'3',
		]);
		expect(out.every((o) => o.json.outcome === UNKNOWN_OUTCOME)).toBe(true);
		expect(out.map((o) => o.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
	});
});
