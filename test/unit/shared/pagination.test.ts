import type { IDataObject } from 'n8n-workflow';

import { offsetPages, paginate, returnAllOrLimit } from '../../../nodes/shared/pagination';

const records = (from: number, n: number): IDataObject[] =>
	Array.from({ length: n }, (_, i) => ({ id: from + i }));

/** A vendor with `total` records served by offset. */
function offsetVendor(total: number) {
	const fetch = jest.fn(async (offset: number, size: number) =>
		records(offset, Math.max(0, Math.min(size, total - offset))),
	);
	return fetch;
}

describe('paginate with offsetPages', () => {
	it('Return All walks every page and stops at the short last page', async () => {
		const fetch = offsetVendor(230);
		const all = await paginate({ returnAll: true, limit: 5, fetchPage: offsetPages(100, fetch) });
		expect(all).toHaveLength(230);
		expect(all.map((r) => r.id)).toEqual([...Array(230).keys()]);
		expect(fetch.mock.calls).toEqual([
			[0, 100],
			[100, 100],
			[200, 100],
		]);
	});

	it('Return All on an exact multiple asks once more and stops at the empty page', async () => {
		const fetch = offsetVendor(200);
		expect(
			await paginate({ returnAll: true, limit: 0, fetchPage: offsetPages(100, fetch) }),
		).toHaveLength(200);
		expect(fetch).toHaveBeenCalledTimes(3);
	});

	it('Limit asks only for what is still needed and returns at most the limit', async () => {
		const fetch = offsetVendor(1000);
		const some = await paginate({
			returnAll: false,
			limit: 130,
			fetchPage: offsetPages(50, fetch),
		});
		expect(some.map((r) => r.id)).toEqual([...Array(130).keys()]);
		expect(fetch.mock.calls).toEqual([
			[0, 50],
			[50, 50],
			[100, 30],
		]);
	});

	it('Limit larger than what exists returns everything there is', async () => {
		const fetch = offsetVendor(7);
		expect(
			await paginate({ returnAll: false, limit: 50, fetchPage: offsetPages(50, fetch) }),
		).toHaveLength(7);
		expect(fetch).toHaveBeenCalledTimes(1);
	});
});

describe('paginate with cursors', () => {
	it('follows the cursor until there is none', async () => {
		const pages: Record<string, { items: IDataObject[]; next?: string }> = {
			start: { items: records(0, 2), next: 'b' },
			b: { items: records(2, 2), next: 'c' },
			c: { items: records(4, 1) },
		};
		const fetchPage = jest.fn(async (cursor: string | undefined) => pages[cursor ?? 'start']);
		expect((await paginate({ returnAll: true, limit: 0, fetchPage })).map((r) => r.id)).toEqual([
			0, 1, 2, 3, 4,
		]);
		expect(fetchPage.mock.calls.map(([c]) => c)).toEqual([undefined, 'b', 'c']);
	});

	it('stops when the vendor repeats the cursor', async () => {
		const fetchPage = jest.fn(async (cursor: { page: number } | undefined) => ({
			items: records(0, 3),
			next: { page: cursor ? cursor.page : 2 },
		}));
		const all = await paginate({ returnAll: true, limit: 0, fetchPage });
		expect(fetchPage).toHaveBeenCalledTimes(2);
		expect(all).toHaveLength(6);
	});

	it('stops at an empty page even with a cursor, and at maxPages', async () => {
		const empty = jest.fn(async () => ({ items: [], next: 'again' }));
		expect(await paginate({ returnAll: true, limit: 0, fetchPage: empty })).toEqual([]);
		expect(empty).toHaveBeenCalledTimes(1);

		let n = 0;
		const endless = jest.fn(async () => ({ items: records(n, 1), next: ++n }));
		expect(
			await paginate({ returnAll: true, limit: 0, fetchPage: endless, maxPages: 4 }),
		).toHaveLength(4);
	});

	it('cuts a page that overshoots the limit', async () => {
		const fetchPage = async () => ({ items: records(0, 10), next: 'x' });
		expect(await paginate({ returnAll: false, limit: 3, fetchPage })).toHaveLength(3);
	});
});

describe('returnAllOrLimit', () => {
	it('gives Return All and a Limit shown only without Return All', () => {
		const [returnAll, limit] = returnAllOrLimit(250);
		expect(returnAll).toMatchObject({ name: 'returnAll', type: 'boolean', default: false });
		expect(returnAll.description).toMatch(/^Whether /);
		expect(limit).toMatchObject({
			name: 'limit',
			type: 'number',
			default: 50,
			displayOptions: { show: { returnAll: [false] } },
			typeOptions: { minValue: 1, maxValue: 250 },
			description: 'Max number of results to return',
		});
		expect(returnAllOrLimit()[1].typeOptions).toEqual({ minValue: 1 });
	});
});
