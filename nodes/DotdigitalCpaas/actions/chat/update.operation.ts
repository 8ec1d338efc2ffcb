import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, idField, jsonField, jsonObject } from '../common';

const fields: INodeProperties[] = [
	idField('chatId', 'Chat ID', 'ID of the chat'),
	jsonField('chat', 'Chat (JSON)', 'Updated chat fields', '{\n  "name": "Order help"\n}', true),
];

export const { description, execute } = defineOperation({
	resource: 'chat',
	operation: 'update',
	method: 'PUT',
	path: '/chats/{chatId}',
	fields,
	body(i: number) {
		return jsonObject.call(this, 'chat', 'Chat (JSON)', i);
	},
});
