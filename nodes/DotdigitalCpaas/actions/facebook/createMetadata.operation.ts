import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	processItems,
	readText,
	requireValue,
	showFor,
	updateDisplayOptions,
} from '../../../shared';
import { dotdigitalRequest } from '../../transport';

const properties: INodeProperties[] = [
	{
		displayName: 'Profile ID',
		name: 'profileId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. dave@acme.com',
		description:
			'Profile that gets the Facebook Messenger ID (as `fbMessengerId`) once the person opts in through Send to Messenger',
	},
	{
		displayName: 'API Space ID',
		name: 'apiSpaceId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. 11164198-3f3f-4993-ab8f-70680c1113b1',
		description: 'The API space associated with the Facebook channel',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Data',
				name: 'data',
				type: 'string',
				default: '',
				description: 'Optional additional data that can be added to the profile',
			},
		],
	},
];

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('facebook', 'createMetadata'),
	properties,
);

/**
 * The metadata in the answer: dotdigital's OpenAPI gives it as `text/plain`, its example as a
 * quoted JSON string. Either form is read; anything else (empty, an object, an HTML page) is not
 * the documented answer.
 */
export function readMetadata(body: unknown): string | undefined {
	if (typeof body !== 'string') return undefined;
	const text = body.trim();
	if (text.startsWith('"')) {
		try {
			const parsed = JSON.parse(text) as unknown;
			return typeof parsed === 'string' && parsed.trim() !== '' ? parsed : undefined;
		} catch {
			return undefined;
		}
	}
	if (text === '' || /^[[{<]/.test(text) || /\s/.test(text)) return undefined;
	return text;
}

/**
 * `POST /channels/facebook/state?apiSpaceId=` with `{profileId, data?}` → the encrypted metadata
 * (cpaas-api.json "Facebook Meta Data Service"; path relative to the credential's base URL, as in
 * dotdigital's own samples). Replaying it is harmless: it only encrypts the profile reference.
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	return await processItems.call(this, items, async (i) => {
		const profileId = requireValue(node, this.getNodeParameter('profileId', i), 'Profile ID', i);
		const apiSpaceId = requireValue(
			node,
			this.getNodeParameter('apiSpaceId', i),
			'API Space ID',
			i,
		);
		const fields = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		const data = readText(node, fields.data, 'Data', i, { multiline: true });
		const body: IDataObject = { profileId };
		if (data !== '') body.data = data;
		const response = await dotdigitalRequest.call(this, {
			method: 'POST',
			path: '/channels/facebook/state',
			qs: { apiSpaceId },
			body,
			encoding: 'text',
			idempotent: true,
			expect: (answer) =>
				readMetadata(answer) === undefined
					? 'expected the metadata as text (text/plain or a JSON string)'
					: undefined,
			itemIndex: i,
		});
		const result: IDataObject = {
			profileId,
			apiSpaceId,
			metadata: readMetadata(response) as string,
		};
		if (data !== '') result.data = data;
		return result;
	});
}
