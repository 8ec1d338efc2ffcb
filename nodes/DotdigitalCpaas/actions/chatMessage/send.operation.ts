import type { INodeProperties } from 'n8n-workflow';

import { chatLocator, defineOperation, jsonField, jsonObject } from '../common';

const fields: INodeProperties[] = [
	chatLocator(),
	jsonField(
		'message',
		'Message (JSON)',
		'Message: parts (required), from, metadata, alert',
		'{\n  "parts": [{ "type": "text/plain", "data": "Hello" }]\n}',
		true,
	),
];

export const { description, execute } = defineOperation({
	resource: 'chatMessage',
	operation: 'send',
	method: 'POST',
	path: '/chats/{chatId}/messages',
	fields,
	body(i: number) {
		return jsonObject.call(this, 'message', 'Message (JSON)', i);
	},
});
