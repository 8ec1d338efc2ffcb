import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { BatchEntry } from '../../../shared';
import {
	inputError,
	parseJsonObject,
	processInBatches,
	requireValue,
	showFor,
	updateDisplayOptions,
} from '../../../shared';
import { dotdigitalRequest } from '../../transport';

/** Profiles per bulk call (inferred: the bulk endpoint documents no limit). */
export const PROFILE_BULK_SIZE = 1000;

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('profile', 'upsertMany'),
	[
		{
			displayName: `All input items are sent through the bulk API, ${PROFILE_BULK_SIZE} profiles per call`,
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
			description: 'ID of the profile',
		},
		{
			displayName: 'Profile (JSON)',
			name: 'profile',
			type: 'json',
			default: '{\n  "email": "jane@example.com"\n}',
			description: 'Profile fields (no field name may start with _)',
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	return await processInBatches.call(this, items, {
		batchSize: PROFILE_BULK_SIZE,
		prepare: (itemIndex: number) => {
			const id = requireValue(
				node,
				this.getNodeParameter('profileId', itemIndex),
				'Profile ID',
				itemIndex,
			);
			const fields = parseJsonObject(
				node,
				this.getNodeParameter('profile', itemIndex, '{}'),
				'Profile (JSON)',
				itemIndex,
			);
			const system = Object.keys(fields).filter((k) => k.startsWith('_'));
			if (system.length)
				throw inputError(
					node,
					`"Profile (JSON)" has fields starting with _: ${system.join(', ')}`,
					{ itemIndex },
				);
			return { ...fields, id };
		},
		send: async (chunk: Array<BatchEntry<IDataObject>>) => {
			// Create-or-update is idempotent: replaying it after a broken connection changes nothing.
			await dotdigitalRequest.call(this, {
				method: 'PATCH',
				path: '/profiles/bulk',
				body: chunk.map((c) => c.entry),
				idempotent: true,
				itemIndex: chunk[0].itemIndex,
			});
			return chunk.map(({ entry }) => ({ ...entry, upserted: true }));
		},
	});
}
