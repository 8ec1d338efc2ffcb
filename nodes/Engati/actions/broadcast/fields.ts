import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { cloneError, inputError, processInBatches, toEpochMilliseconds } from '../../../shared';

/**
 * Engati documents no limit on users per broadcast, so all input items with the same content go
 * out in one broadcast; this bound only keeps a single request body sane.
 */
export const BROADCAST_MAX_USERS = 10_000;

export const broadcastTitleField: INodeProperties = {
	displayName: 'Broadcast Title',
	name: 'broadcastTitle',
	type: 'string',
	default: '',
	placeholder: 'e.g. Diwali offer',
	description:
		'Name the broadcast gets under Broadcast → Published; "n8n broadcast" and the publish time when empty',
};

export const publishTimeField: INodeProperties = {
	displayName: 'Publish Time',
	name: 'publishTime',
	type: 'dateTime',
	default: '',
	description:
		'When Engati publishes the broadcast (sent as UTC); empty sends it now, and a time in the past is sent immediately',
};

/** `publishedOn` in UTC ISO 8601: the item's time, or `nowMs` (one value per run) for an immediate broadcast. */
export function publishedOn(this: IExecuteFunctions, i: number, nowMs: number): string {
	const value = this.getNodeParameter('publishTime', i, '') as string;
	const ms = value ? toEpochMilliseconds(this.getNode(), value, 'Publish Time', i) : nowMs;
	return new Date(ms).toISOString();
}

export function broadcastTitle(this: IExecuteFunctions, i: number, published: string): string {
	const title = String(this.getNodeParameter('broadcastTitle', i, '') ?? '').trim();
	return title || `n8n broadcast ${published}`;
}

/** Checks that a value is an object, for per-entry results. */
export function asObject(value: unknown): IDataObject {
	return value && typeof value === 'object' && !Array.isArray(value) ? (value as IDataObject) : {};
}

export function requireList<T>(
	node: ReturnType<IExecuteFunctions['getNode']>,
	list: T[],
	field: string,
	i: number,
): T[] {
	if (list.length === 0) {
		throw inputError(node, `"${field}" needs at least one entry`, { itemIndex: i });
	}
	return list;
}

/** JSON with object keys sorted, so equal content gives equal text whatever the key order. */
export function stableJson(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
	if (value && typeof value === 'object') {
		const object = value as Record<string, unknown>;
		return `{${Object.keys(object)
			.filter((key) => object[key] !== undefined)
			.sort()
			.map((key) => `${JSON.stringify(key)}:${stableJson(object[key])}`)
			.join(',')}}`;
	}
	return JSON.stringify(value) ?? 'null';
}

export interface BroadcastPlan {
	/** This item's recipient, as the broadcast body lists it. */
	recipient: IDataObject;
	/** Everything the broadcast says and when: equal content for items means one broadcast. */
	content: IDataObject;
}

export interface BroadcastGroup {
	content: IDataObject;
	recipients: IDataObject[];
	itemIndexes: number[];
}

/** A copy of a broadcast's error for one of its items, naming all the items the broadcast was for. */
function errorForItem(error: unknown, itemIndexes: number[]): Error {
	return cloneError(
		error,
		itemIndexes.length > 1 ? ` (one broadcast for items ${itemIndexes.join(', ')})` : '',
	);
}

/**
 * Broadcasts to the recipients of all input items, **one broadcast per distinct content**: items whose
 * message, template, parameters, title or publish time differ never share a broadcast, so no
 * recipient gets another item's content. Items with equal content share one broadcast (at most
 * BROADCAST_MAX_USERS recipients each). Every item is checked before anything is sent. A failed
 * broadcast fails its own items only: under continue-on-fail the other broadcasts still go out;
 * otherwise the node stops there and sends no further broadcast.
 */
export async function sendBroadcasts(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	plan: (itemIndex: number) => BroadcastPlan,
	send: (group: BroadcastGroup) => Promise<IDataObject>,
	output: (recipient: IDataObject, group: BroadcastGroup, result: IDataObject) => IDataObject,
): Promise<INodeExecutionData[]> {
	const continueOnFail = this.continueOnFail();
	return await processInBatches.call(this, items, {
		batchSize: BROADCAST_MAX_USERS,
		prepare: (i) => {
			const { recipient, content } = plan(i);
			return { recipient, content, key: stableJson(content) };
		},
		send: async (chunk) => {
			const groups = new Map<string, BroadcastGroup>();
			for (const { itemIndex, entry } of chunk) {
				const key = entry.key as string;
				let group = groups.get(key);
				if (!group) {
					group = { content: entry.content as IDataObject, recipients: [], itemIndexes: [] };
					groups.set(key, group);
				}
				group.recipients.push(entry.recipient as IDataObject);
				group.itemIndexes.push(itemIndex);
			}
			// Groups are in the order of their first item, so when the node stops at a failed
			// broadcast, that broadcast's first item is the first failed item n8n reports.
			const results = new Map<number, IDataObject | Error>();
			let stopped = false;
			for (const group of groups.values()) {
				if (stopped) {
					for (const i of group.itemIndexes)
						results.set(i, new Error('Not sent: an earlier broadcast of this run failed'));
					continue;
				}
				try {
					const result = await send(group);
					group.recipients.forEach((recipient, position) =>
						results.set(group.itemIndexes[position], output(recipient, group, result)),
					);
				} catch (error) {
					for (const i of group.itemIndexes) results.set(i, errorForItem(error, group.itemIndexes));
					if (!continueOnFail) stopped = true;
				}
			}
			return chunk.map(({ itemIndex }) => results.get(itemIndex) as IDataObject | Error);
		},
	});
}
