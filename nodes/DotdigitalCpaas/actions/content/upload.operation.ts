import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { processItems, showFor, updateDisplayOptions } from '../../../shared';
import { dotdigitalRequest } from '../../transport';
import { requiredString } from '../common';

export const description: INodeProperties[] = updateDisplayOptions(showFor('content', 'upload'), [
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the input binary field containing the file to upload',
		description: 'Name of the binary field of the input item that holds the file, e.g. data',
	},
	{
		displayName: 'File Name',
		name: 'fileName',
		type: 'string',
		default: '',
		description: 'Name to store the file under; the binary file name when empty',
	},
]);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await processItems.call(this, items, async (itemIndex) => {
		const property = requiredString.call(
			this,
			'binaryPropertyName',
			'Input Binary Field',
			itemIndex,
		);
		const binary = this.helpers.assertBinaryData(itemIndex, property);
		const buffer = await this.helpers.getBinaryDataBuffer(itemIndex, property);
		const name = String(
			this.getNodeParameter('fileName', itemIndex, '') || binary.fileName || 'file',
		);
		return await dotdigitalRequest.call(this, {
			method: 'POST',
			path: '/content',
			body: {
				name,
				type: binary.mimeType || 'application/octet-stream',
				data: buffer.toString('base64'),
			},
			itemIndex,
		});
	});
}
