import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { BatchEntry } from '../../../shared';
import { processInBatches, requireValue, showFor, updateDisplayOptions } from '../../../shared';
import { dotdigitalRequest } from '../../transport';

/** IDs per bulk delete: they travel in the query string, so keep the URL short (inferred). */
export const PROFILE_BULK_DELETE_SIZE = 100;

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('profile', 'deleteMany'),
	[
		{
			displayName: `All input items are deleted through the bulk API, ${PROFILE_BULK_DELETE_SIZE} profiles per call`,
			name: 'bulkNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Profile ID',
			name: 'profileId',
			type: 'string',
			required: true,
			default: '',
			description: 'ID of a profile to delete; each input item names one',
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	return await processInBatches.call(this, items, {
		batchSize: PROFILE_BULK_DELETE_SIZE,
		prepare: (itemIndex: number) => ({
			id: requireValue(
				node,
				this.getNodeParameter('profileId', itemIndex),
				'Profile ID',
				itemIndex,
			),
		}),
		send: async (chunk: Array<BatchEntry<IDataObject>>) => {
			await dotdigitalRequest.call(this, {
				method: 'DELETE',
				path: '/profiles/bulk',
				qs: { id: chunk.map((c) => c.entry.id) },
				arrayFormat: 'repeat', // the API reads lists as id=a&id=b
				itemIndex: chunk[0].itemIndex,
			});
			return chunk.map(({ entry }) => ({ id: entry.id, deleted: true }));
		},
	});
}
