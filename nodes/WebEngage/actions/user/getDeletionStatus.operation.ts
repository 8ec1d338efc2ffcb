import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { processItems, requireValue, showFor, updateDisplayOptions } from '../../../shared';
import { webEngageRequest } from '../../transport';

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('user', 'getDeletionStatus'),
	[
		{
			displayName: 'Request ID',
			name: 'requestId',
			type: 'string',
			default: '',
			required: true,
			description: 'The ID returned by the Delete operation',
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
			method: 'GET',
			path: `/v1/accounts/{licenseCode}/opengdpr_requests/${encodeURIComponent(requestId)}`,
			itemIndex: i,
		});
		return {
			requestId: (response.subject_request_id as string) ?? requestId,
			requestType: response.subject_request_type ?? null,
			status: response.status ?? null,
		};
	});
}
