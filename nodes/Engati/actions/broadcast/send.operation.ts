import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { readText, showFor, updateDisplayOptions } from '../../../shared';
import { engatiRequest, responseObject } from '../../transport';
import { channelUserId } from '../common';
import {
	asObject,
	broadcastTitle,
	broadcastTitleField,
	publishedOn,
	publishTimeField,
	requireList,
	sendBroadcasts,
} from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Channels',
		name: 'channels',
		type: 'multiOptions',
		options: [
			{ name: 'Facebook Messenger', value: 'facebook' },
			{ name: 'Instagram', value: 'instagram' },
			{ name: 'Line', value: 'line' },
			{ name: 'Microsoft Teams', value: 'msteams' },
			{ name: 'Telegram', value: 'telegram' },
			{ name: 'Viber', value: 'viber' },
			{ name: 'Web', value: 'web' },
			{ name: 'WhatsApp', value: 'whatsapp' },
		],
		default: ['whatsapp'],
		required: true,
		description: 'Channels the broadcast goes out on',
	},
	{
		displayName: 'Channel User ID',
		name: 'channelUserId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 919876543210',
		description:
			'Recipient of each input item. Items with the same messages, channels, title and publish time share one broadcast; items whose content differs get their own. For WhatsApp the phone number with country code.',
	},
	{
		displayName: 'Messages',
		name: 'messages',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Message',
		default: { message: [{ text: '' }] },
		description:
			'Text messages sent in this order; each recipient gets the messages of their own item',
		options: [
			{
				displayName: 'Message',
				name: 'message',
				values: [
					{
						displayName: 'Text',
						name: 'text',
						type: 'string',
						typeOptions: { rows: 2 },
						default: '',
						description: 'Text of one message, sent as it is written',
					},
				],
			},
		],
	},
	broadcastTitleField,
	publishTimeField,
];

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('broadcast', 'send'),
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
			const id = channelUserId(
				node,
				this.getNodeParameter('channelUserId', i),
				'Channel User ID',
				i,
			);
			const channels = requireList(
				node,
				this.getNodeParameter('channels', i) as string[],
				'Channels',
				i,
			);
			const texts = (
				(this.getNodeParameter('messages', i, {}) as { message?: Array<{ text?: string }> })
					.message ?? []
			)
				.map((m) => readText(node, m.text, 'Message', i, { multiline: true }).trim())
				.filter((text) => text !== '');
			requireList(node, texts, 'Messages', i);
			const published = publishedOn.call(this, i, now);
			const title = broadcastTitle.call(this, i, published);
			return { recipient: { channelUserId: id }, content: { channels, texts, title, published } };
		},
		async ({ content, recipients, itemIndexes }) => {
			const ids = [...new Set(recipients.map((r) => r.channelUserId as string))];
			const body = await engatiRequest.call(this, {
				method: 'POST',
				path: '/bot-api/v1.0/customer/{customerId}/bot/{botKey}/broadcast',
				body: {
					broadcastId: null,
					broadcastTitle: content.title,
					publishedOn: content.published,
					audience: { rule: { channels: content.channels, channelUserIds: ids } },
					payload: {
						type: 'direct',
						content: (content.texts as string[]).map((message) => ({
							type: 'text',
							data: { message },
						})),
					},
					status: null,
				},
				itemIndex: itemIndexes[0],
			});
			return { ...asObject(responseObject(body)), recipients: ids.length };
		},
		(recipient, { content }, result): IDataObject => ({
			...recipient,
			broadcastTitle: content.title,
			publishedOn: content.published,
			...result,
		}),
	);
}
