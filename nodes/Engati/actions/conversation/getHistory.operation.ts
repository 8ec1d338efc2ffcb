import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';
import { NodeOperationError } from 'n8n-workflow';

import {
	paginate,
	processItems,
	readPositiveInteger,
	returnAllOrLimit,
	showFor,
	toEpochMilliseconds,
	updateDisplayOptions,
} from '../../../shared';
import { engatiRequest, responseObject } from '../../transport';
import { botKeyOverride, channelUserId } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Channel User ID',
		name: 'channelUserId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 919565428256',
		description:
			"The user's ID on its channel, from the users API; for WhatsApp the phone number with country code (formatting is removed)",
	},
	...returnAllOrLimit(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			botKeyOverride,
			{
				displayName: 'End Time',
				name: 'endTime',
				type: 'dateTime',
				default: '',
				description: 'Latest message time (UTC); Engati uses the current time when empty',
			},
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 500 },
				default: 100,
				description: 'Messages per request (Engati default: 500)',
			},
			{
				displayName: 'Start Time',
				name: 'startTime',
				type: 'dateTime',
				default: '',
				description: 'Earliest message time (UTC); all history when empty',
			},
		],
	},
];

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('conversation', 'getHistory'),
	properties,
);

/** Where Engati's history answer may hold its list: the payload itself, or one of these keys (seen in public client code). */
const HISTORY_LIST_KEYS = ['conversations', 'messages'];

/**
 * The messages of one history page. Engati does not document the answer's shape: a list, or a list
 * under a known key, is taken; anything else is an error rather than an empty result.
 */
function historyMessages(node: INode, body: IDataObject, itemIndex: number): IDataObject[] {
	const payload = responseObject(body);
	if (Array.isArray(payload)) return payload as IDataObject[];
	if (payload && typeof payload === 'object') {
		for (const key of HISTORY_LIST_KEYS) {
			const value = (payload as IDataObject)[key];
			if (Array.isArray(value)) return value as IDataObject[];
		}
	}
	const shape =
		payload && typeof payload === 'object'
			? `an object with the keys ${Object.keys(payload).join(', ') || '(none)'}`
			: JSON.stringify(payload ?? null);
	throw new NodeOperationError(
		node,
		`Engati sent the conversation history in an unexpected shape: responseObject is ${shape} [item ${itemIndex}]`,
		{
			itemIndex,
			description: `Expected a list of messages, or one under ${HISTORY_LIST_KEYS.map((k) => `"${k}"`).join(' or ')}. Nothing was dropped silently; please report the shape.`,
		},
	);
}

const samePage = (a: IDataObject[], b: IDataObject[]) =>
	a.length > 0 && JSON.stringify(a) === JSON.stringify(b);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	return await processItems.call(this, items, async (i) => {
		const userId = channelUserId(
			node,
			this.getNodeParameter('channelUserId', i),
			'Channel User ID',
			i,
		);
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		const limit = returnAll
			? 0
			: readPositiveInteger(node, this.getNodeParameter('limit', i), 'Limit', i);
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const pageSize =
			options.pageSize === undefined || options.pageSize === ''
				? 100
				: readPositiveInteger(node, options.pageSize, 'Page Size', i);
		const qs: IDataObject = { page_size: pageSize };
		if (options.startTime)
			qs.start_date = toEpochMilliseconds(node, options.startTime, 'Start Time', i);
		if (options.endTime) qs.end_date = toEpochMilliseconds(node, options.endTime, 'End Time', i);

		const fetchPage = async (pageNumber?: number): Promise<IDataObject[]> =>
			historyMessages(
				node,
				await engatiRequest.call(this, {
					method: 'GET',
					path: `/bot-api/v1.0/customer/{customerId}/bot/{botKey}/channel-user/${encodeURIComponent(userId)}/conversations`,
					qs: pageNumber === undefined ? qs : { ...qs, page_number: pageNumber },
					pathParams: { botKey: (options.botKey as string) || undefined },
					itemIndex: i,
				}),
				i,
			);
		const next = (page: IDataObject[], following: number) =>
			page.length < pageSize ? undefined : following;

		// Engati documents that without `page_number` "the first page will be shown", not whether
		// pages count from 0 or 1. So the first page is asked for without a number; `page_number=1` is
		// then either that page again (pages count from 1: skip it, go on with 2) or the second page
		// (pages count from 0). Either way the next number is 2. A short page is the last one.
		let first: IDataObject[] = [];
		return await paginate<number>({
			returnAll,
			limit,
			fetchPage: async (cursor) => {
				if (cursor === undefined) {
					first = await fetchPage();
					return { items: first, next: next(first, 1) };
				}
				let page = await fetchPage(cursor);
				let number = cursor;
				if (cursor === 1 && samePage(page, first)) {
					number = 2;
					page = await fetchPage(number);
				}
				if (samePage(page, first)) {
					throw new NodeOperationError(
						node,
						`Engati answered page_number=${number} with the first page again: its paging does not work as documented [item ${i}]`,
						{
							itemIndex: i,
							description: 'Turn off Return All and use a Limit no larger than the Page Size.',
						},
					);
				}
				return { items: page, next: next(page, number + 1) };
			},
		});
	});
}
