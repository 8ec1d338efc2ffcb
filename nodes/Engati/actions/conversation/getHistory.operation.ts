import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { paginate, processItems, readPositiveInteger, returnAllOrLimit, showFor, updateDisplayOptions } from '../../../shared';
import { engatiRequest, listOf, responseObject } from '../../transport';
import { botKeyOverride, channelUserId, toEpochMs } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Channel User ID',
		name: 'channelUserId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 919565428256',
		description:
			'The user\'s ID on its channel, from the users API; for WhatsApp the phone number with country code (formatting is removed)',
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
				displayName: 'First Page Number',
				name: 'firstPageNumber',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 1,
				description:
					'Number Engati gives the first page (its docs do not say whether pages count from 0 or 1)',
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

export const description: INodeProperties[] = updateDisplayOptions(showFor('conversation', 'getHistory'), properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	return await processItems.call(this, items, async (i) => {
		const userId = channelUserId(node, this.getNodeParameter('channelUserId', i), 'Channel User ID', i);
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		const limit = returnAll ? 0 : readPositiveInteger(node, this.getNodeParameter('limit', i), 'Limit', i);
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const pageSize = options.pageSize === undefined || options.pageSize === '' ? 100 : readPositiveInteger(node, options.pageSize, 'Page Size', i);
		const firstPage =
			options.firstPageNumber === undefined || options.firstPageNumber === '' ? 1 : readPositiveInteger(node, options.firstPageNumber, 'First Page Number', i);
		const qs: IDataObject = { page_size: pageSize };
		if (options.startTime) qs.start_date = toEpochMs(node, options.startTime, 'Start Time', i);
		if (options.endTime) qs.end_date = toEpochMs(node, options.endTime, 'End Time', i);

		// Pages are numbered; a page shorter than the page size is the last one.
		return await paginate<number>({
			returnAll,
			limit,
			fetchPage: async (cursor) => {
				const page = cursor ?? firstPage;
				const body = await engatiRequest.call(this, {
					method: 'GET',
					path: `/bot-api/v1.0/customer/{customerId}/bot/{botKey}/channel-user/${encodeURIComponent(userId)}/conversations`,
					qs: { ...qs, page_number: page },
					botKey: (options.botKey as string) || undefined,
					itemIndex: i,
				});
				const messages = listOf(responseObject(body), ['conversations', 'messages', 'content', 'data']);
				return { items: messages, next: messages.length < pageSize ? undefined : page + 1 };
			},
		});
	});
}
