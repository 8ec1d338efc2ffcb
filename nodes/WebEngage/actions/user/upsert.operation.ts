import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { processItems, showFor, updateDisplayOptions } from '../../../shared';
import { expectQueued, webEngageRequest } from '../../transport';
import { buildUser, userProperties } from './fields';

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('user', 'upsert'),
	userProperties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await processItems.call(this, items, async (i) => {
		const user = buildUser.call(this, i);
		const response = await webEngageRequest.call(this, {
			method: 'POST',
			path: '/v1/accounts/{licenseCode}/users',
			body: user,
			dedupe: true,
			expect: expectQueued,
			itemIndex: i,
		});
		return {
			userId: user.userId ?? null,
			anonymousId: user.anonymousId ?? null,
			...(response.response as object),
		};
	});
}
