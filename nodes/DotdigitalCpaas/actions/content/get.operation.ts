import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { processItems, showFor, updateDisplayOptions } from '../../../shared';
import { dotdigitalRequest, dotdigitalRequestFull } from '../../transport';
import { requiredString } from '../common';

export const description: INodeProperties[] = updateDisplayOptions(showFor('content', 'get'), [
	{ displayName: 'File ID', name: 'fileId', type: 'string', required: true, default: '', description: 'ID of the uploaded file' },
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
	},
]);

/** Reads the file record, then downloads its `url` into a binary property (the credential only goes to the API's origin). */
export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await processItems.call(this, items, async (itemIndex) => {
		const fileId = requiredString.call(this, 'fileId', 'File ID', itemIndex);
		const property = requiredString.call(this, 'binaryPropertyName', 'Put Output File in Field', itemIndex);
		const record = (await dotdigitalRequest.call(this, {
			method: 'GET',
			path: `/content/${encodeURIComponent(fileId)}`,
			itemIndex,
		})) as IDataObject;
		const url = typeof record.url === 'string' ? record.url : `/content/${encodeURIComponent(fileId)}`;
		const download = await dotdigitalRequestFull.call(this, {
			method: 'GET',
			path: url,
			json: false,
			encoding: 'arraybuffer',
			// The file URL is public (it goes into message parts): a host other than the API's gets no credential.
			crossOrigin: 'withoutCredentials',
			itemIndex,
		});
		const buffer = Buffer.from(download.body as unknown as ArrayBuffer);
		const binary = await this.helpers.prepareBinaryData(buffer, String(record.name ?? fileId), String(record.type ?? ''));
		return { json: record, binary: { [property]: binary } };
	});
}
