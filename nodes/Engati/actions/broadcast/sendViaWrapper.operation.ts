import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { compact, showFor, updateDisplayOptions } from '../../../shared';
import { engatiRequest, responseObject } from '../../transport';
import { phonePlus } from '../common';
import { buildTemplate, templateProperties } from '../whatsappTemplate/fields';
import {
	asObject,
	broadcastTitle,
	broadcastTitleField,
	publishedOn,
	publishTimeField,
	sendBroadcasts,
} from './fields';

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
		description:
			"Recipient's WhatsApp number with country code (E.164), one per input item. Items with the same template, parameters, title and publish time share one broadcast; items whose content differs get their own.",
	},
	{
		displayName: 'User Fields',
		name: 'userFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		description: 'Details Engati stores on each recipient',
		options: [
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. name@email.com',
				default: '',
				description: "The recipient's email address",
			},
			{
				displayName: 'First Name',
				name: 'firstName',
				type: 'string',
				default: '',
				description: "The recipient's given name",
			},
			{
				displayName: 'Last Name',
				name: 'lastName',
				type: 'string',
				default: '',
				description: "The recipient's family name",
			},
			{
				displayName: 'Organization',
				name: 'organization',
				type: 'string',
				default: '',
				description: 'Company or organization the recipient belongs to',
			},
			{
				displayName: 'Title',
				name: 'title',
				type: 'string',
				default: '',
				description: "The recipient's job title",
			},
			{
				displayName: 'User Name',
				name: 'userName',
				type: 'string',
				default: '',
				description: 'Name Engati shows for the recipient in its user list',
			},
		],
	},
	...templateProperties,
	broadcastTitleField,
	publishTimeField,
];

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('broadcast', 'sendViaWrapper'),
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	const now = Date.now();
	return await sendBroadcasts.call(
		this,
		items,
		(i) => {
			const fields = this.getNodeParameter('userFields', i, {}) as IDataObject;
			const recipient = compact({
				phoneNumber: phonePlus(node, this.getNodeParameter('phoneNumber', i), 'Phone Number', i),
				email: fields.email as string,
				organization: fields.organization as string,
				title: fields.title as string,
				lastName: fields.lastName as string,
				firstName: fields.firstName as string,
				userName: fields.userName as string,
			});
			const template = buildTemplate.call(this, i);
			const published = publishedOn.call(this, i, now);
			const title = broadcastTitle.call(this, i, published);
			return { recipient, content: { template, title, published } };
		},
		async ({ content, recipients, itemIndexes }) => {
			const body = await engatiRequest.call(this, {
				method: 'POST',
				path: '/bot-api/v2.0/customer/{customerId}/bot/{botKey}/broadcast',
				body: {
					broadcastId: null,
					broadcastTitle: content.title,
					publishedOn: content.published,
					platform: 'whatsapp',
					users: recipients,
					payload: {
						type: 'whatsapp_template',
						content: [{ type: 'template', template: content.template }],
					},
					status: null,
				},
				itemIndex: itemIndexes[0],
			});
			return { ...asObject(responseObject(body)), recipients: recipients.length };
		},
		(recipient, { content }, result): IDataObject => ({
			phoneNumber: recipient.phoneNumber,
			broadcastTitle: content.title,
			publishedOn: content.published,
			templateName: (content.template as IDataObject).name as string,
			...result,
		}),
	);
}
