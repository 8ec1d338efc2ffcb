import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { apiError } from '../../../nodes/shared/errors';
import { errorItem, pairResult, processItems } from '../../../nodes/shared/items';
import { mockContext, NODE } from './mock-context';

const items = (n: number) => Array.from({ length: n }, (_, i) => ({ json: { i } }));

describe('pairResult', () => {
	const { ctx } = mockContext();

	it('pairs one object, a list of objects and ready execution data with the item', () => {
		expect(pairResult(ctx, { a: 1 }, 3)).toEqual([{ json: { a: 1 }, pairedItem: { item: 3 } }]);
		expect(pairResult(ctx, [{ a: 1 }, { a: 2 }], 1)).toEqual([
			{ json: { a: 1 }, pairedItem: { item: 1 } },
			{ json: { a: 2 }, pairedItem: { item: 1 } },
		]);
		expect(pairResult(ctx, [{ json: { b: 1 }, binary: {} }], 2)).toEqual([
			{ json: { b: 1 }, binary: {}, pairedItem: { item: 2 } },
		]);
		expect(pairResult(ctx, [], 0)).toEqual([]);
	});
});

describe('errorItem', () => {
	it('carries the message, description and HTTP code, paired with the item', () => {
		const error = apiError(NODE, {
			vendor: 'Acme',
			httpCode: 404,
			vendorMessage: 'no such user',
			itemIndex: 5,
		});
		expect(errorItem(error, 5)).toEqual({
			json: {
				error: 'Acme returned an error (HTTP 404): no such user [item 5]',
				description: expect.stringContaining('Check the IDs'),
				httpCode: '404',
			},
			pairedItem: { item: 5 },
		});
		expect(errorItem('plain', 0)).toEqual({ json: { error: 'plain' }, pairedItem: { item: 0 } });
	});
});

describe('processItems', () => {
	it('runs every item and pairs the outputs', async () => {
		const { ctx } = mockContext();
		const out = await processItems.call(ctx, items(3), async (i) => ({ done: i }));
		expect(out).toEqual([0, 1, 2].map((i) => ({ json: { done: i }, pairedItem: { item: i } })));
	});

	it('under continue-on-fail a failing item becomes an error item and the rest go on', async () => {
		const { ctx } = mockContext({ continueOnFail: true });
		const handle = jest.fn(async (i: number) => {
			if (i === 1) throw new Error('bad thing with Bearer abcdefghijkl');
			return { done: i };
		});
		const out = await processItems.call(ctx, items(3), handle);
		expect(handle).toHaveBeenCalledTimes(3);
		expect(out).toEqual([
			{ json: { done: 0 }, pairedItem: { item: 0 } },
			{ json: { error: 'bad thing with Bearer *** [item 1]' }, pairedItem: { item: 1 } },
			{ json: { done: 2 }, pairedItem: { item: 2 } },
		]);
	});

	it('without continue-on-fail stops at the failing item, naming it', async () => {
		const { ctx } = mockContext();
		const handle = jest.fn(async (i: number) => {
			if (i === 1) throw apiError(NODE, { vendor: 'Acme', httpCode: 400, vendorMessage: 'nope' });
			return {};
		});
		const error = await processItems.call(ctx, items(3), handle).catch((e) => e);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Acme returned an error (HTTP 400): nope [item 1]');
		expect(error.context.itemIndex).toBe(1);
		expect(handle).toHaveBeenCalledTimes(2);
	});

	it('wraps a plain error in a NodeOperationError for the item', async () => {
		const { ctx } = mockContext();
		const error = await processItems
			.call(ctx, items(1), async () => {
				throw new TypeError('x is undefined');
			})
			.catch((e) => e);
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('x is undefined [item 0]');
	});
});
