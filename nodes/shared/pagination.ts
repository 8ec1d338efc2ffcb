import type { IDataObject, INodeProperties } from 'n8n-workflow';

export interface Page<C> {
	items: IDataObject[];
	/** Where the next page starts; undefined when this was the last page. */
	next?: C;
}

export interface PaginateOptions<C> {
	/** Return every record (true) or at most `limit`. */
	returnAll: boolean;
	limit: number;
	/** Fetches one page; `wanted` is how many records are still needed (Infinity with Return All). */
	fetchPage: (cursor: C | undefined, wanted: number) => Promise<Page<C>>;
	/** A guard against a vendor that keeps answering with the same cursor. */
	maxPages?: number;
}

/** Return All / Limit over any page shape: offsets, cursors, dates or event ids. */
export async function paginate<C>(options: PaginateOptions<C>): Promise<IDataObject[]> {
	const wantedTotal = options.returnAll ? Infinity : Math.max(0, options.limit);
	const maxPages = options.maxPages ?? 10_000;
	const results: IDataObject[] = [];
	let cursor: C | undefined;
	for (let page = 0; page < maxPages && results.length < wantedTotal; page++) {
		const { items, next } = await options.fetchPage(cursor, wantedTotal - results.length);
		results.push(...items);
		if (next === undefined || items.length === 0 || JSON.stringify(next) === JSON.stringify(cursor))
			break;
		cursor = next;
	}
	return options.returnAll ? results : results.slice(0, wantedTotal);
}

/** Offset/limit paging: `pageSize` per call, stops at a short page. */
export function offsetPages(
	pageSize: number,
	fetch: (offset: number, size: number) => Promise<IDataObject[]>,
): PaginateOptions<number>['fetchPage'] {
	return async (cursor, wanted) => {
		const offset = cursor ?? 0;
		const size = Math.min(pageSize, Number.isFinite(wanted) ? Math.max(1, wanted) : pageSize);
		const items = await fetch(offset, size);
		return { items, next: items.length < size ? undefined : offset + items.length };
	};
}

/** The standard Return All + Limit pair for Get Many operations. */
export function returnAllOrLimit(maxLimit?: number): INodeProperties[] {
	return [
		{
			displayName: 'Return All',
			name: 'returnAll',
			type: 'boolean',
			default: false,
			description: 'Whether to return all results or only up to a given limit',
		},
		{
			displayName: 'Limit',
			name: 'limit',
			type: 'number',
			displayOptions: { show: { returnAll: [false] } },
			typeOptions: { minValue: 1, ...(maxLimit ? { maxValue: maxLimit } : {}) },
			default: 50,
			description: 'Max number of results to return',
		},
	];
}
