import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { attachItem, cloneError, withItemMarker } from './errors';
import type { ItemResult } from './items';
import { errorItem, pairResult } from './items';

export interface BatchEntry<T = IDataObject> {
	itemIndex: number;
	entry: T;
}

export interface BatchOptions<T = IDataObject> {
	/** Most entries one vendor call accepts. */
	batchSize: number;
	/** Largest JSON size of one call's entries, for vendors that cap the body (bytes). */
	maxBatchBytes?: number;
	/** Builds one item's entry; throws (naming the field) when the item is not valid. */
	prepare: (itemIndex: number) => T | Promise<T>;
	/**
	 * Sends one chunk; returns one result per entry, in the chunk's order. A result that is an Error
	 * fails only its own item (the vendor rejected that entry alone).
	 */
	send: (chunk: Array<BatchEntry<T>>) => Promise<Array<ItemResult | Error>>;
	/**
	 * Most calls in flight at once (default 1). Only for endpoints where two calls at once are as
	 * safe as two in a row; per-call pacing and retries stay in the transport.
	 */
	concurrency?: number;
	/**
	 * The records an entry touches (e.g. its user ID). A chunk is not sent while an earlier chunk
	 * touching one of the same records is in flight, so writes to one record keep their input order.
	 */
	conflictKeys?: (entry: T) => Array<string | undefined>;
}

/** Splits entries into chunks no longer than `batchSize` and no larger than `maxBatchBytes`. */
export function chunkEntries<T>(
	entries: Array<BatchEntry<T>>,
	batchSize: number,
	maxBatchBytes?: number,
) {
	const chunks: Array<Array<BatchEntry<T>>> = [];
	let current: Array<BatchEntry<T>> = [];
	let bytes = 2; // the enclosing brackets
	for (const entry of entries) {
		const size = maxBatchBytes ? Buffer.byteLength(JSON.stringify(entry.entry)) + 1 : 0;
		if (
			current.length > 0 &&
			(current.length >= batchSize || (maxBatchBytes && bytes + size > maxBatchBytes))
		) {
			chunks.push(current);
			current = [];
			bytes = 2;
		}
		current.push(entry);
		bytes += size;
	}
	if (current.length > 0) chunks.push(current);
	return chunks;
}

function itemRange(chunk: Array<BatchEntry<unknown>>): string {
	const first = chunk[0].itemIndex;
	const last = chunk[chunk.length - 1].itemIndex;
	return first === last ? `item ${first}` : `items ${first}–${last}`;
}

/**
 * Sends all input items through a vendor's bulk endpoint: every item is checked first (so a bad
 * item stops the node before anything is sent, or becomes an error item under continue-on-fail),
 * the good ones go out in chunks, and each result comes back paired with its own item. A failed
 * chunk fails only its own items.
 */
export async function processInBatches(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	options: BatchOptions<IDataObject>,
): Promise<INodeExecutionData[]> {
	const continueOnFail = this.continueOnFail();
	const node = this.getNode();
	const outputs: INodeExecutionData[][] = items.map(() => []);
	const entries: BatchEntry[] = [];

	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			entries.push({ itemIndex, entry: await options.prepare(itemIndex) });
		} catch (error) {
			const attributed = attachItem(node, error, itemIndex);
			if (!continueOnFail) throw attributed;
			outputs[itemIndex] = [errorItem(attributed, itemIndex)];
		}
	}

	const sendChunk = async (chunk: Array<BatchEntry>): Promise<void> => {
		let results: Array<ItemResult | Error>;
		try {
			results = await options.send(chunk);
		} catch (error) {
			if (!continueOnFail) {
				const e = error as Error;
				e.message = withItemMarker(
					`${e.message.replace(/ \[item \d+\]$/, '')} (batch of ${itemRange(chunk)})`,
					chunk[0].itemIndex,
				);
				throw attachItem(node, e, chunk[0].itemIndex);
			}
			for (const { itemIndex } of chunk)
				outputs[itemIndex] = [errorItem(attachItem(node, cloneError(error), itemIndex), itemIndex)];
			return;
		}
		chunk.forEach(({ itemIndex }, position) => {
			const result = results[position] ?? ({} as IDataObject);
			if (result instanceof Error) {
				const attributed = attachItem(node, result, itemIndex);
				if (!continueOnFail) throw attributed;
				outputs[itemIndex] = [errorItem(attributed, itemIndex)];
			} else {
				outputs[itemIndex] = pairResult(this, result, itemIndex);
			}
		});
	};

	const chunks = chunkEntries(entries, options.batchSize, options.maxBatchBytes);
	await sendConcurrently(chunks, sendChunk, options.concurrency ?? 1, options.conflictKeys);
	return outputs.flat();
}

/**
 * Sends chunks in input order with at most `concurrency` in flight. A chunk waits for every earlier
 * chunk that shares a conflict key with it. After a failure no further chunk starts; the calls
 * already in flight finish, then the failure of the earliest failed chunk is thrown.
 */
async function sendConcurrently<T>(
	chunks: Array<Array<BatchEntry<T>>>,
	sendChunk: (chunk: Array<BatchEntry<T>>) => Promise<void>,
	concurrency: number,
	conflictKeys?: (entry: T) => Array<string | undefined>,
): Promise<void> {
	if (concurrency <= 1) {
		for (const chunk of chunks) await sendChunk(chunk);
		return;
	}
	const inFlight = new Set<Promise<void>>();
	// The last chunk holding each record, so a later chunk with that record waits for it.
	const lastHolder = new Map<string, Promise<void>>();
	const failures: Array<{ chunk: number; error: unknown }> = [];
	for (let index = 0; index < chunks.length && failures.length === 0; index++) {
		while (inFlight.size >= concurrency) await Promise.race(inFlight);
		if (failures.length > 0) break;
		const chunk = chunks[index];
		const waitFor = new Set<Promise<void>>();
		const keys = new Set<string>();
		if (conflictKeys) {
			for (const { entry } of chunk) {
				for (const key of conflictKeys(entry)) {
					if (key === undefined || keys.has(key)) continue;
					keys.add(key);
					const holder = lastHolder.get(key);
					if (holder) waitFor.add(holder);
				}
			}
		}
		const sent: Promise<void> = (async () => {
			// A failed earlier chunk ends the run; its own failure is reported, not this wait.
			if (waitFor.size > 0) await Promise.allSettled(waitFor);
			if (failures.length > 0) return;
			try {
				await sendChunk(chunk);
			} catch (error) {
				failures.push({ chunk: index, error });
			}
		})();
		for (const key of keys) lastHolder.set(key, sent);
		inFlight.add(sent);
		void sent.then(() => inFlight.delete(sent));
	}
	await Promise.all(inFlight);
	if (failures.length > 0) {
		throw failures.reduce((first, next) => (next.chunk < first.chunk ? next : first)).error;
	}
}
