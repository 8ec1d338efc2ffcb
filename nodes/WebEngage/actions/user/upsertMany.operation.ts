import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showFor, updateDisplayOptions } from '../../../shared';
import { WEBENGAGE_BULK_LIMIT } from '../../transport';
import { sendInBulk } from '../common';
import { buildUser, userProperties } from './fields';

export const description: INodeProperties[] = updateDisplayOptions(showFor('user', 'upsertMany'), [
	{
		displayName: `All input items are sent through the bulk API, ${WEBENGAGE_BULK_LIMIT} users per call`,
		name: 'bulkNotice',
		type: 'notice',
		default: '',
	},
	...userProperties,
]);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await sendInBulk.call(this, items, {
		build: buildUser,
		path: '/v1/accounts/{licenseCode}/bulk-users',
		listKey: 'users',
		// An upsert: sending the same users twice leaves the same profiles.
		replaySafe: true,
		unknownOutcomeCheck: 'an upsert is safe to send again',
	});
}
