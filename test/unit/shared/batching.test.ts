import type { IDataObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import type { BatchEntry } from '../../../nodes/shared/batching';
import { chunkEntries, processInBatches } from '../../../nodes/shared/batching';
import { apiError, inputError } from '../../../nodes/shared/errors';
import { mockContext, NODE } from './mock-context';

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ json: { id: `u-${i}` } }));
const entries = (n: number, size = 0) =>
	Array.from({ length: n }, (_, i) => ({ itemIndex: i, entry: { id: i, pad: 'x'.repeat(size) } }));

describe('chunkEntries', () => {
	it('splits by count, keeping order', () => {
		const chunks = chunkEntries(entries(60), 25);
		expect(chunks.map((c) => c.length)).toEqual([25, 25, 10]);
		expect(chunks.flat().map((e) => e.itemIndex)).toEqual([...Array(60).keys()]);
		expect(chunkEntries([], 25)).toEqual([]);
	});

	it('splits by JSON size so no chunk is larger than the byte cap', () => {
		const list = entries(10, 80);
		const one = Buffer.byteLength(JSON.stringify(list[0].entry)) + 1;
		const cap = 2 + one * 3;
		const chunks = chunkEntries(list, 100, cap);
		expect(chunks.map((c) => c.length)).toEqual([3, 3, 3, 1]);
		for (const chunk of chunks) {
			expect(Buffer.byteLength(JSON.stringify(chunk.map((c) => c.entry)))).toBeLessThanOrEqual(cap);
		}
	});

	it('applies whichever limit comes first', () => {
		expect(chunkEntries(entries(10, 10), 2, 1_000_000).map((c) => c.length)).toEqual([
			2, 2, 2, 2, 2,
		]);
	});

	it('still sends an entry larger than the cap, alone', () => {
		const list = [
			...entries(1),
			{ itemIndex: 1, entry: { id: 1, pad: 'y'.repeat(500) } },
			...entries(1).map((e) => ({ ...e, itemIndex: 2 })),
		];
		expect(chunkEntries(list, 10, 100).map((c) => c.map((e) => e.itemIndex))).toEqual([
			[0],
			[1],
			[2],
		]);
	});
});

describe('processInBatches', () => {
	const prepareAll = (i: number) => ({ id: `u-${i}` });
	const echo = async (chunk: Array<BatchEntry<IDataObject>>) =>
		chunk.map(({ entry }) => ({ ...entry, sent: true }));

	it('pairs every output with its item, in input order, across chunks', async () => {
		const { ctx } = mockContext();
		const send = jest.fn(echo);
		const out = await processInBatches.call(ctx, items(7), {
			batchSize: 3,
			prepare: prepareAll,
			send,
		});
		expect(send.mock.calls.map(([chunk]) => chunk.map((c) => c.itemIndex))).toEqual([
			[0, 1, 2],
			[3, 4, 5],
			[6],
		]);
		expect(out).toEqual(
			Array.from({ length: 7 }, (_, i) => ({
				json: { id: `u-${i}`, sent: true },
				pairedItem: { item: i },
			})),
		);
	});

	it('stops before anything is sent when an item is bad and continue-on-fail is off', async () => {
		const { ctx } = mockContext();
		const send = jest.fn(echo);
		const prepare = (i: number) => {
			if (i === 4) throw inputError(NODE, '"Email" is not an email address', { itemIndex: i });
			return prepareAll(i);
		};
		await expect(
			processInBatches.call(ctx, items(6), { batchSize: 2, prepare, send }),
		).rejects.toThrow('"Email" is not an email address [item 4]');
		expect(send).not.toHaveBeenCalled();
	});

	it('fails a bad item alone under continue-on-fail, the rest are sent', async () => {
		const { ctx } = mockContext({ continueOnFail: true });
		const send = jest.fn(echo);
		const prepare = (i: number) => {
			if (i === 1) throw new Error('"Phone" is not an E.164 phone number');
			return prepareAll(i);
		};
		const out = await processInBatches.call(ctx, items(4), { batchSize: 25, prepare, send });
		expect(send).toHaveBeenCalledTimes(1);
		expect(send.mock.calls[0][0].map((c) => c.itemIndex)).toEqual([0, 2, 3]);
		expect(out.map((o) => o.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(out[1].json).toEqual({ error: '"Phone" is not an E.164 phone number [item 1]' });
		expect(out[2].json).toEqual({ id: 'u-2', sent: true });
	});

	it('fails only the items of a failed chunk under continue-on-fail, each with its own marker', async () => {
		const { ctx } = mockContext({ continueOnFail: true });
		const send = jest.fn(async (chunk: Array<BatchEntry<IDataObject>>) => {
			if (chunk[0].itemIndex === 2)
				throw apiError(NODE, { vendor: 'Acme', httpCode: 400, vendorMessage: 'bad batch' });
			return await echo(chunk);
		});
		const out = await processInBatches.call(ctx, items(5), {
			batchSize: 2,
			prepare: prepareAll,
			send,
		});
		expect(send).toHaveBeenCalledTimes(3);
		expect(out.map((o) => o.json.error ?? 'ok')).toEqual([
			'ok',
			'ok',
			'Acme returned an error (HTTP 400): bad batch [item 2]',
			'Acme returned an error (HTTP 400): bad batch [item 3]',
			'ok',
		]);
		expect(out[2].json.httpCode).toBe('400');
		expect(out.map((o) => o.pairedItem)).toEqual([0, 1, 2, 3, 4].map((item) => ({ item })));
	});

	it('stops at a failed chunk when continue-on-fail is off, naming its items', async () => {
		const { ctx } = mockContext();
		const send = jest.fn(async (chunk: Array<BatchEntry<IDataObject>>) => {
			if (chunk[0].itemIndex === 25)
				throw apiError(NODE, {
					vendor: 'Acme',
					httpCode: 500,
					vendorMessage: 'down',
					itemIndex: 25,
				});
			return await echo(chunk);
		});
		const error = await processInBatches
			.call(ctx, items(60), { batchSize: 25, prepare: prepareAll, send })
			.catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(
			'Acme returned an error (HTTP 500): down (batch of items 25–49) [item 25]',
		);
		expect(error.context.itemIndex).toBe(25);
		expect(send).toHaveBeenCalledTimes(2);
	});

	it('turns per-entry Error results into error items for those items only', async () => {
		const { ctx } = mockContext({ continueOnFail: true });
		const send = async (chunk: Array<BatchEntry<IDataObject>>) =>
			chunk.map(({ itemIndex, entry }) =>
				itemIndex % 2 ? new Error(`rejected ${entry.id}`) : { accepted: entry.id },
			);
		const out = await processInBatches.call(ctx, items(4), {
			batchSize: 10,
			prepare: prepareAll,
			send,
		});
		expect(out.map((o) => o.json)).toEqual([
			{ accepted: 'u-0' },
			{ error: 'rejected u-1 [item 1]' },
			{ accepted: 'u-2' },
			{ error: 'rejected u-3 [item 3]' },
		]);
	});

	it('throws a per-entry Error naming its item when continue-on-fail is off', async () => {
		const { ctx } = mockContext();
		const send = async (chunk: Array<BatchEntry<IDataObject>>) =>
			chunk.map(({ itemIndex }) => (itemIndex === 2 ? new Error('duplicate') : {}));
		const error = await processInBatches
			.call(ctx, items(3), { batchSize: 10, prepare: prepareAll, send })
			.catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('duplicate [item 2]');
	});

	it('returns an empty object for an entry the vendor gave no result for', async () => {
		const { ctx } = mockContext();
		const out = await processInBatches.call(ctx, items(2), {
			batchSize: 10,
			prepare: prepareAll,
			send: async () => [{ a: 1 }],
		});
		expect(out).toEqual([
			{ json: { a: 1 }, pairedItem: { item: 0 } },
			{ json: {}, pairedItem: { item: 1 } },
		]);
	});

	it('waits for an async prepare and respects maxBatchBytes', async () => {
		const { ctx } = mockContext();
		const send = jest.fn(echo);
		await processInBatches.call(ctx, items(4), {
			batchSize: 25,
			maxBatchBytes: 30,
			prepare: async (i) => ({ id: `u-${i}` }),
			send,
		});
		expect(send.mock.calls.map(([c]) => c.length)).toEqual([2, 2]);
	});

	describe('with two calls in flight', () => {
		/** A send whose calls stay open until the test answers them, in any order. */
		function heldSend() {
			const open = new Map<number, () => void>();
			const started: number[] = [];
			const send = async (chunk: Array<BatchEntry<IDataObject>>) => {
				const first = chunk[0].itemIndex;
				started.push(first);
				await new Promise<void>((resolve) => open.set(first, resolve));
				open.delete(first);
				return chunk.map(({ entry }) => ({ ...entry, sent: true }));
			};
			const answer = async (first: number) => {
				open.get(first)!();
				for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
			};
			const settle = async () => {
				for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
			};
			return { send, open, started, answer, settle };
		}

		it('keeps two calls open and pairs outputs in input order when a later call answers first', async () => {
			const { ctx } = mockContext();
			const held = heldSend();
			const run = processInBatches.call(ctx, items(6), {
				batchSize: 2,
				concurrency: 2,
				prepare: prepareAll,
				send: held.send,
			});
			await held.settle();
			expect(held.started).toEqual([0, 2]);
			await held.answer(2);
			expect(held.started).toEqual([0, 2, 4]);
			await held.answer(4);
			await held.answer(0);
			const out = await run;
			expect(out.map((o) => [o.json.id, o.pairedItem])).toEqual(
				[0, 1, 2, 3, 4, 5].map((i) => [`u-${i}`, { item: i }]),
			);
		});

		it('holds back a call while an earlier open call carries one of its records', async () => {
			const { ctx } = mockContext();
			const held = heldSend();
			// Items 0–1 and 2–3 both write record "a"; 4–5 write "b".
			const records = ['a', 'x', 'a', 'y', 'b', 'z'];
			const run = processInBatches.call(ctx, items(6), {
				batchSize: 2,
				concurrency: 2,
				prepare: (i) => ({ id: `u-${i}`, record: records[i] }),
				conflictKeys: (entry) => [entry.record as string],
				send: held.send,
			});
			await held.settle();
			// The second call waits for the first (record "a") and takes the other slot meanwhile.
			expect(held.started).toEqual([0]);
			// Once it is answered, the second goes, and the third (record "b") beside it.
			await held.answer(0);
			expect(held.started).toEqual([0, 2, 4]);
			await held.answer(4);
			await held.answer(2);
			expect((await run).map((o) => o.json.record)).toEqual(records);
		});

		it('after a failed call starts no other, lets the open one finish and reports the earliest failure', async () => {
			const { ctx } = mockContext();
			const started: number[] = [];
			const finished: number[] = [];
			let releaseSecond!: () => void;
			const send = async (chunk: Array<BatchEntry<IDataObject>>) => {
				const first = chunk[0].itemIndex;
				started.push(first);
				if (first === 0) {
					// Fails while the second call is still open.
					await new Promise((r) => setImmediate(r));
					throw apiError(NODE, { vendor: 'Acme', httpCode: 500, vendorMessage: 'down' });
				}
				if (first === 2) await new Promise<void>((resolve) => (releaseSecond = resolve));
				finished.push(first);
				return chunk.map(() => ({}));
			};
			const run = processInBatches
				.call(ctx, items(8), { batchSize: 2, concurrency: 2, prepare: prepareAll, send })
				.catch((e) => e);
			for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r));
			expect(started).toEqual([0, 2]);
			releaseSecond();
			const error = await run;
			expect(error.message).toBe(
				'Acme returned an error (HTTP 500): down (batch of items 0–1) [item 0]',
			);
			expect(started).toEqual([0, 2]);
			expect(finished).toEqual([2]);
		});
	});
});
