import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared';
import { toEpochMs } from '../common';

/**
 * Engati documents no limit on users per broadcast, so all input items go out in one broadcast;
 * this bound only keeps a single request body sane.
 */
export const BROADCAST_MAX_USERS = 10_000;

export const broadcastTitleField: INodeProperties = {
	displayName: 'Broadcast Title',
	name: 'broadcastTitle',
	type: 'string',
	default: '',
	placeholder: 'e.g. Diwali offer',
	description: 'Name the broadcast gets under Broadcast → Published; "n8n broadcast" and the publish time when empty',
};

export const publishTimeField: INodeProperties = {
	displayName: 'Publish Time',
	name: 'publishTime',
	type: 'dateTime',
	default: '',
	description:
		'When Engati publishes the broadcast (sent as UTC); empty sends it now, and a time in the past is sent immediately',
};

/** `publishedOn` in UTC ISO 8601: the given time, or now for an immediate broadcast. */
export function publishedOn(this: IExecuteFunctions, i: number): string {
	const value = this.getNodeParameter('publishTime', i, '') as string;
	const ms = value ? toEpochMs(this.getNode(), value, 'Publish Time', i) : Date.now();
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

export function requireList<T>(node: ReturnType<IExecuteFunctions['getNode']>, list: T[], field: string, i: number): T[] {
	if (list.length === 0) {
		throw inputError(node, `"${field}" needs at least one entry`, { itemIndex: i });
	}
	return list;
}
