import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { processItems, requireValue, showFor, updateDisplayOptions } from '../../../shared';
import { webEngageRequest } from '../../transport';

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('user', 'cancelDeletion'),
	[
		{
			displayName: 'Request ID',
			name: 'requestId',
			type: 'string',
			default: '',
			required: true,
			description:
				'The ID returned by the Delete operation; only a pending request can be cancelled',
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await processItems.call(this, items, async (i) => {
		const requestId = requireValue(
			this.getNode(),
			this.getNodeParameter('requestId', i),
			'Request ID',
			i,
		);
		const response = await webEngageRequest.call(this, {
			method: 'DELETE',
			path: `/v1/accounts/{licenseCode}/opengdpr_requests/${encodeURIComponent(requestId)}`,
			itemIndex: i,
		});
		return { requestId, cancelled: true, message: response.message ?? null };
	});
}
