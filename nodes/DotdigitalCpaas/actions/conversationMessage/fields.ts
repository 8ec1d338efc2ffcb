import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import type { OperationModule } from '../../../shared';
import {
	locatorValue,
	optionsQuery,
	paginate,
	processItems,
	readPositiveInteger,
	requirePathId,
	returnAllOrLimit,
} from '../../../shared';
import { dotdigitalRequest } from '../../transport';
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

/** The API's largest `limit` for one page of messages. */
const MESSAGES_PER_PAGE = 100;

const v1 = { '@version': [1] };
const v2 = { '@version': [2] };

const messageFields: INodeProperties[] = [
	// Version 1 (saved workflows): one page of at most 100 messages, output as the API's answer.
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: MESSAGES_PER_PAGE },
		default: 50,
		description: 'Max number of results to return',
		displayOptions: { show: v1 },
	},
	// Version 2: n8n's Get Many convention, one item per message, as many pages as needed.
	...returnAllOrLimit().map((field) => ({
		...field,
		displayOptions: { show: { ...field.displayOptions?.show, ...v2 } },
	})),
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
					"Event ID to read backwards from, that event included; without it reading starts at the newest message. To go on from an earlier read, use its earliestEventId (or its oldest message's sentEventId) minus 1.",
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

/**
 * Get Many: messages newest first, reading backwards from an optional event ID. Version 1 returns
 * one page (`limit` at most 100) as the API answers it; version 2 one item per message, paging
 * backwards by event ID until Limit or, with Return All, the first message.
 */
export function messagePageOperation(owner: FeedOwner): OperationModule {
	const page = defineOperation({
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
	return {
		description: page.description,
		async execute(this: IExecuteFunctions, items: INodeExecutionData[]) {
			if (this.getNode().typeVersion < 2) return await page.execute.call(this, items);
			return await allMessages.call(this, items, owner);
		},
	};
}

/**
 * Version 2's paging, as dotdigital documents the feed: `earliestEventId` "above 0" means older
 * messages exist, and the next call reads backwards from the event before it (`from` includes the
 * event it names; dotdigital's own JavaScript SDK continues from `earliestEventId - 1`). A page asks
 * for at most 100 messages and never more than are still wanted.
 */
async function allMessages(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	owner: FeedOwner,
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const { name, displayName } = owner.ownerField;
	return await processItems.call(this, items, async (i) => {
		const ownerId = requirePathId(
			node,
			locatorValue(this.getNodeParameter(name, i, '')),
			displayName,
			i,
		);
		const returnAll = this.getNodeParameter('returnAll', i, false) as boolean;
		const limit = returnAll
			? 0
			: readPositiveInteger(node, this.getNodeParameter('limit', i, 50), 'Limit', i);
		const start = optionsQuery.call(this, i).from as number | undefined;
		return await paginate<number>({
			returnAll,
			limit,
			fetchPage: async (cursor, wanted) => {
				const from = cursor ?? start;
				const size = Number.isFinite(wanted)
					? Math.min(MESSAGES_PER_PAGE, Math.max(1, wanted))
					: MESSAGES_PER_PAGE;
				const answer = (await dotdigitalRequest.call(this, {
					method: 'GET',
					path: owner.path,
					pathParams: { [name]: ownerId },
					qs: { ...(from !== undefined ? { from } : {}), limit: size },
					itemIndex: i,
				})) as IDataObject | undefined;
				if (!answer || !Array.isArray(answer.messages)) {
					throw new NodeOperationError(
						node,
						'dotdigital answered the message feed without a list of messages',
						{
							itemIndex: i,
							description:
								"The feed answers {earliestEventId, latestEventId, messages, orphanedEvents}; check the chat or conversation ID and the credential's base URL",
						},
					);
				}
				const earliest = answer.earliestEventId;
				const next =
					typeof earliest === 'number' && Number.isInteger(earliest) && earliest > 0
						? earliest - 1
						: undefined;
				if (next !== undefined && from !== undefined && next >= from) {
					throw new NodeOperationError(
						node,
						`dotdigital's message feed did not move backwards (earliestEventId ${earliest} after from=${from})`,
						{
							itemIndex: i,
							description:
								'Turn off Return All and read with a Limit of at most 100, or set Before Event ID.',
						},
					);
				}
				return { items: answer.messages as IDataObject[], next };
			},
		});
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
