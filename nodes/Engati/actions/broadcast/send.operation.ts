import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { processInBatches, readText, showFor, updateDisplayOptions } from '../../../shared';
import { engatiRequest, responseObject } from '../../transport';
import { channelUserId } from '../common';
import {
	asObject,
	BROADCAST_MAX_USERS,
	broadcastTitle,
	broadcastTitleField,
	publishedOn,
	publishTimeField,
	requireList,
} from './shared';

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
			'Recipient of each input item; all items go into one broadcast. For WhatsApp the phone number with country code.',
	},
	{
		displayName: 'Messages',
		name: 'messages',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Message',
		default: { message: [{ text: '' }] },
		description: 'Text messages sent in this order (taken from the first item)',
		options: [
			{
				displayName: 'Message',
				name: 'message',
				values: [{ displayName: 'Text', name: 'text', type: 'string', typeOptions: { rows: 2 }, default: '' }],
			},
		],
	},
	broadcastTitleField,
	publishTimeField,
];

export const description: INodeProperties[] = updateDisplayOptions(showFor('broadcast', 'send'), properties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	return await processInBatches.call(this, items, {
		batchSize: BROADCAST_MAX_USERS,
		prepare: (i) => ({ channelUserId: channelUserId(node, this.getNodeParameter('channelUserId', i), 'Channel User ID', i) }),
		send: async (chunk) => {
			// One broadcast: its channels, messages, title and time come from the chunk's first item.
			const first = chunk[0].itemIndex;
			const channels = requireList(node, this.getNodeParameter('channels', first) as string[], 'Channels', first);
			const texts = (
				(this.getNodeParameter('messages', first, {}) as { message?: Array<{ text?: string }> }).message ?? []
			)
				.map((m) => readText(node, m.text, 'Message', first, { multiline: true }).trim())
				.filter((text) => text !== '');
			requireList(node, texts, 'Messages', first);
			const published = publishedOn.call(this, first);
			const title = broadcastTitle.call(this, first, published);
			const ids = [...new Set(chunk.map(({ entry }) => entry.channelUserId as string))];
			const body = await engatiRequest.call(this, {
				method: 'POST',
				path: '/bot-api/v1.0/customer/{customerId}/bot/{botKey}/broadcast',
				body: {
					broadcastId: null,
					broadcastTitle: title,
					publishedOn: published,
					audience: { rule: { channels, channelUserIds: ids } },
					payload: { type: 'direct', content: texts.map((message) => ({ type: 'text', data: { message } })) },
					status: null,
				},
				itemIndex: first,
			});
			const result = asObject(responseObject(body));
			return chunk.map(({ entry }): IDataObject => ({
				...entry,
				broadcastTitle: title,
				publishedOn: published,
				recipients: ids.length,
				...result,
			}));
		},
	});
}
