import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { headerValue, processItems, showFor, updateDisplayOptions } from '../../../shared';
import { dotdigitalRequestFull } from '../../transport';
import { requiredString } from '../common';

export const description: INodeProperties[] = updateDisplayOptions(showFor('content', 'get'), [
	{
		displayName: 'File ID',
		name: 'fileId',
		type: 'string',
		required: true,
		default: '',
		description: 'ID of a file in content storage, as Content → Upload returns it',
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		hint: 'The name of the output binary field to put the file in',
		description: 'Name of the binary field of the output item that gets the downloaded file',
	},
]);

/**
 * The file name in a `Content-Disposition` header (`filename*=UTF-8''…` or `filename="…"`), if any.
 * dotdigital's OpenAPI does not say which headers come with the file.
 */
export function dispositionFileName(header: string | undefined): string | undefined {
	if (!header) return undefined;
	const extended = /filename\*\s*=\s*(?:[\w-]+)?'[^']*'([^;]+)/i.exec(header);
	if (extended) {
		try {
			return decodeURIComponent(extended[1].trim());
		} catch {
			// fall through to the plain parameter
		}
	}
	const plain = /filename\s*=\s*(?:"([^"]*)"|([^;]+))/i.exec(header);
	const name = (plain?.[1] ?? plain?.[2])?.trim();
	return name || undefined;
}

/**
 * `GET /content/{fileId}` answers with "the requested file" itself (content-api.json), so its body
 * goes into the binary property as it is. No other URL is fetched: a `url` the upload returned is
 * never requested with the credential.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await processItems.call(this, items, async (itemIndex) => {
		const fileId = requiredString.call(this, 'fileId', 'File ID', itemIndex);
		const property = requiredString.call(
			this,
			'binaryPropertyName',
			'Put Output File in Field',
			itemIndex,
		);
		const download = await dotdigitalRequestFull.call(this, {
			method: 'GET',
			path: `/content/${encodeURIComponent(fileId)}`,
			json: false,
			encoding: 'arraybuffer',
			itemIndex,
		});
		const buffer = Buffer.from(download.body as unknown as ArrayBuffer);
		const contentType =
			headerValue(download.headers, 'content-type')?.split(';')[0].trim() || undefined;
		const fileName =
			dispositionFileName(headerValue(download.headers, 'content-disposition')) ?? fileId;
		const binary = await this.helpers.prepareBinaryData(buffer, fileName, contentType);
		return {
			json: { id: fileId, fileName, mimeType: binary.mimeType, size: buffer.length },
			binary: { [property]: binary },
		};
	});
}
