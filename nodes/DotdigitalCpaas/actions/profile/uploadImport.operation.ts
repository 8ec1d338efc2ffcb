import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { processItems, showFor, updateDisplayOptions } from '../../../shared';
import { dotdigitalRequest } from '../../transport';
import { requiredString } from '../common';

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('profile', 'uploadImport'),
	[
		{
			displayName: 'Import ID',
			name: 'importId',
			type: 'string',
			required: true,
			default: '',
			description: 'ID of a profile import job, as Create Import returns it',
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			required: true,
			default: 'data',
			hint: 'The name of the input binary field containing the file to import',
			description:
				'Name of the binary field of the input item that holds the import file, e.g. data',
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await processItems.call(this, items, async (itemIndex) => {
		const importId = requiredString.call(this, 'importId', 'Import ID', itemIndex);
		const property = requiredString.call(
			this,
			'binaryPropertyName',
			'Input Binary Field',
			itemIndex,
		);
		const binary = this.helpers.assertBinaryData(itemIndex, property);
		const buffer = await this.helpers.getBinaryDataBuffer(itemIndex, property);
		const response = await dotdigitalRequest.call(this, {
			method: 'PUT',
			path: `/profiles/import/${encodeURIComponent(importId)}/upload`,
			body: buffer,
			json: false,
			headers: { 'Content-Type': binary.mimeType || 'text/csv' },
			itemIndex,
		});
		return response && typeof response === 'object' && Object.keys(response).length
			? response
			: { importId, uploaded: true };
	});
}
