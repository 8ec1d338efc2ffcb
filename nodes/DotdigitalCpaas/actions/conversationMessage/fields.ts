import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared';
import { optionsQuery, readPositiveInteger } from '../../../shared';
import { defineOperation } from '../common';

/**
 * Chats and conversations page through their messages and events the same way; only the owner's
 * ID field and the path differ, and those stay in each operation file.
 */
interface FeedOwner {
	resource: string;
	/** The required ID field of the chat or conversation, named like the `{placeholder}` in `path`. */
	ownerField: INodeProperties;
	path: string;
}

const messageFields: INodeProperties[] = [
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100 },
		default: 50,
		description: 'Max number of results to return',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Before Event ID',
				name: 'from',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description:
					'Event ID to read backwards from; the answer gives earliestEventId for the next page',
			},
		],
	},
];

const eventFields: INodeProperties[] = [
	{
		displayName: 'From Event ID',
		name: 'fromEventId',
		type: 'number',
		typeOptions: { minValue: 0 },
		required: true,
		default: 0,
		description: 'Event ID to read forwards from (0 for the first event)',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
	},
];

/** Get Many: messages newest first, one page of `limit`, reading backwards from an optional event ID. */
export function messagePageOperation(owner: FeedOwner): OperationModule {
	return defineOperation({
		resource: owner.resource,
		operation: 'getMany',
		method: 'GET',
		path: owner.path,
		fields: [owner.ownerField, ...messageFields],
		query(i: number) {
			return {
				...optionsQuery.call(this, i),
				limit: readPositiveInteger(this.getNode(), this.getNodeParameter('limit', i), 'Limit', i),
			};
		},
	});
}

/** Get Events: events forwards from a given event ID. */
export function eventPageOperation(owner: FeedOwner): OperationModule {
	return defineOperation({
		resource: owner.resource,
		operation: 'getEvents',
		method: 'GET',
		path: owner.path,
		fields: [owner.ownerField, ...eventFields],
		query(i: number) {
			return {
				from: this.getNodeParameter('fromEventId', i) as number,
				limit: readPositiveInteger(this.getNode(), this.getNodeParameter('limit', i), 'Limit', i),
			};
		},
	});
}
