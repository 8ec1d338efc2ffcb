import { randomUUID } from 'crypto';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { processItems, requireValue, showFor, updateDisplayOptions } from '../../../shared';
import { webEngageRequest } from '../../transport';

export const description: INodeProperties[] = updateDisplayOptions(showFor('user', 'delete'), [
	{
		displayName:
			'This files a GDPR erasure request: WebEngage deletes the user permanently within 30 days, and the request can be cancelled while it is pending (7 days)',
		name: 'erasureNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. johndoe',
		description: 'The known user (CUID) to erase; anonymous users cannot be erased through the API',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Request ID',
				name: 'requestId',
				type: 'string',
				default: '',
				description:
					'Your own unique ID for this request; a random UUID is used when empty. Use it later to get the status or cancel.',
			},
		],
	},
]);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await processItems.call(this, items, async (i) => {
		const userId = requireValue(this.getNode(), this.getNodeParameter('userId', i), 'User ID', i);
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const requestId = String(options.requestId ?? '').trim() || randomUUID();
		// One identity per request (WebEngage GDPR API). Not replayed after a 5xx or broken
		// connection: a second request with the same id would be refused as not unique.
		const response = await webEngageRequest.call(this, {
			method: 'POST',
			path: '/v1/accounts/{licenseCode}/opengdpr_requests',
			body: {
				subject_request_id: requestId,
				subject_request_type: 'erasure',
				subject_identities: [{ identity_type: 'cuid', identity_value: userId }],
			},
			itemIndex: i,
		});
		return {
			userId,
			requestId: (response.subject_request_id as string) ?? requestId,
			requestType: (response.subject_request_type as string) ?? 'erasure',
			// A newly registered request is pending until WebEngage processes it (GDPR API docs);
			// the create response itself carries only a message.
			status: 'PENDING',
			message: response.message ?? null,
		};
	});
}
