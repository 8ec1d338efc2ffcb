import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { processItems, showFor, updateDisplayOptions } from '../../../shared';
import { deletionRequestIdField, onDeletionRequest } from './fields';

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('user', 'getDeletionStatus'),
	[deletionRequestIdField('')],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await processItems.call(this, items, async (i) => {
		const { requestId, response } = await onDeletionRequest.call(this, i, 'GET');
		return {
			requestId: (response.subject_request_id as string) ?? requestId,
			requestType: response.subject_request_type ?? null,
			status: response.status ?? null,
		};
	});
}
