import type { INodeProperties } from 'n8n-workflow';

import { chatLocator, defineOperation, jsonField, jsonObject } from '../common';

const fields: INodeProperties[] = [
	chatLocator(),
	jsonField(
		'channel',
		'Channel (JSON)',
		'New channel: {channelId}',
		'{\n  "channelId": "sms"\n}',
		true,
	),
];

export const { description, execute } = defineOperation({
	resource: 'chat',
	operation: 'changeChannel',
	method: 'PUT',
	path: '/chats/{chatId}/channel',
	fields,
	body(i: number) {
		return jsonObject.call(this, 'channel', 'Channel (JSON)', i);
	},
});
