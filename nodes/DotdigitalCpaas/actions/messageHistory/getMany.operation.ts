import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	paginate,
	processItems,
	readPositiveInteger,
	returnAllOrLimit,
	showFor,
	toIsoDate,
	updateDisplayOptions,
} from '../../../shared';
import { dotdigitalRequest } from '../../transport';
import { CHANNEL_OPTIONS, requiredString } from '../common';

const PAGE_SIZE = 100;

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('messageHistory', 'getMany'),
	[
		{
			displayName: 'Profile ID',
			name: 'profileId',
			type: 'string',
			required: true,
			default: '',
			description:
				'ID of the dotdigital profile whose sent and received messages to read, newest first',
		},
		...returnAllOrLimit(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Before',
					name: 'from',
					type: 'dateTime',
					default: '',
					description: 'Only messages before this time (default now); sent as ISO 8601 UTC',
				},
				{
					displayName: 'Channel',
					name: 'channelId',
					type: 'options',
					options: CHANNEL_OPTIONS,
					default: 'sms',
					description: 'Only messages on this channel',
				},
				{
					displayName: 'Direction',
					name: 'direction',
					type: 'options',
					options: [
						{ name: 'Inbound', value: 'inbound' },
						{ name: 'Outbound', value: 'outbound' },
					],
					default: 'outbound',
					description: 'Only messages received from the profile (inbound) or sent to it (outbound)',
				},
			],
		},
	],
);

/** Newest first; the next page reads backwards from the last `submittedOn` seen (inferred paging). */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await processItems.call(this, items, async (itemIndex) => {
		const profileId = requiredString.call(this, 'profileId', 'Profile ID', itemIndex);
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = this.getNodeParameter('returnAll', itemIndex, false)
			? 0
			: readPositiveInteger(
					this.getNode(),
					this.getNodeParameter('limit', itemIndex, 50),
					'Limit',
					itemIndex,
				);
		const filters = this.getNodeParameter('filters', itemIndex, {}) as IDataObject;
		const query: IDataObject = {};
		if (filters.channelId) query.channelId = filters.channelId;
		if (filters.direction) query.direction = filters.direction;
		const start = filters.from
			? toIsoDate(this.getNode(), filters.from, 'Before', itemIndex)
			: undefined;
		const seen = new Set<string>();
		return await paginate<string>({
			returnAll,
			limit,
			fetchPage: async (cursor, wanted) => {
				const size = Math.min(PAGE_SIZE, Number.isFinite(wanted) ? Math.max(1, wanted) : PAGE_SIZE);
				const from = cursor ?? start;
				const page = await dotdigitalRequest.call(this, {
					method: 'GET',
					path: `/profiles/${encodeURIComponent(profileId)}/messages`,
					qs: { ...query, ...(from ? { from } : {}), limit: size },
					itemIndex,
				});
				const list = (Array.isArray(page) ? page : []) as IDataObject[];
				// `from` may be inclusive: drop messages already returned.
				const fresh = list.filter((m) => !seen.has(String(m.messageId)));
				for (const m of fresh) seen.add(String(m.messageId));
				const last = list[list.length - 1]?.submittedOn as string | undefined;
				return {
					items: fresh,
					next: list.length < size || !last || fresh.length === 0 ? undefined : last,
				};
			},
		});
	});
}
