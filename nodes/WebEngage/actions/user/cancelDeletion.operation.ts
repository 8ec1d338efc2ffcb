import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { processItems, showFor, updateDisplayOptions } from '../../../shared';
import { deletionRequestIdField, onDeletionRequest } from './fields';

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('user', 'cancelDeletion'),
	[deletionRequestIdField('; only a pending request can be cancelled')],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await processItems.call(this, items, async (i) => {
		const { requestId, response } = await onDeletionRequest.call(this, i, 'DELETE');
		return { requestId, cancelled: true, message: response.message ?? null };
	});
}
