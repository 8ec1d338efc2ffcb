import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { compact, processInBatches, showFor, updateDisplayOptions } from '../../../shared';
import { engatiRequest, responseObject } from '../../transport';
import { phonePlus } from '../common';
import { buildTemplate, templateProperties } from '../whatsappTemplate/template';
import { asObject, BROADCAST_MAX_USERS, broadcastTitle, broadcastTitleField, publishedOn, publishTimeField } from './shared';

const properties: INodeProperties[] = [
	{
		displayName:
			'The broadcast wrapper API (v2) must be enabled for your bot by Engati support before it works',
		name: 'wrapperNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +919876543210',
		description: 'Recipient of each input item; all items go into one broadcast',
	},
	{
		displayName: 'User Fields',
		name: 'userFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Details Engati stores on each recipient',
		options: [
			{ displayName: 'Email', name: 'email', type: 'string', placeholder: 'name@email.com', default: '' },
			{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
			{ displayName: 'Organization', name: 'organization', type: 'string', default: '' },
			{ displayName: 'Title', name: 'title', type: 'string', default: '' },
			{ displayName: 'User Name', name: 'userName', type: 'string', default: '' },
		],
	},
	...templateProperties,
	broadcastTitleField,
	publishTimeField,
];

export const description: INodeProperties[] = updateDisplayOptions(showFor('broadcast', 'sendViaWrapper'), properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	return await processInBatches.call(this, items, {
		batchSize: BROADCAST_MAX_USERS,
		prepare: (i) => {
			const fields = this.getNodeParameter('userFields', i, {}) as IDataObject;
			return compact({
				phoneNumber: phonePlus(node, this.getNodeParameter('phoneNumber', i), 'Phone Number', i),
				email: fields.email as string,
				organization: fields.organization as string,
				title: fields.title as string,
				lastName: fields.lastName as string,
				firstName: fields.firstName as string,
				userName: fields.userName as string,
			});
		},
		send: async (chunk) => {
			const first = chunk[0].itemIndex;
			const template = buildTemplate.call(this, first);
			const published = publishedOn.call(this, first);
			const title = broadcastTitle.call(this, first, published);
			const body = await engatiRequest.call(this, {
				method: 'POST',
				path: '/bot-api/v2.0/customer/{customerId}/bot/{botKey}/broadcast',
				body: {
					broadcastId: null,
					broadcastTitle: title,
					publishedOn: published,
					platform: 'whatsapp',
					users: chunk.map(({ entry }) => entry),
					payload: { type: 'whatsapp_template', content: [{ type: 'template', template }] },
					status: null,
				},
				itemIndex: first,
			});
			const result = asObject(responseObject(body));
			return chunk.map(({ entry }): IDataObject => ({
				phoneNumber: entry.phoneNumber,
				broadcastTitle: title,
				publishedOn: published,
				templateName: template.name as string,
				recipients: chunk.length,
				...result,
			}));
		},
	});
}
