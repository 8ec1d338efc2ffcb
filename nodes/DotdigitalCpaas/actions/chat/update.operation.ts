import type { INodeProperties } from 'n8n-workflow';

import { chatLocator, defineOperation, jsonField, jsonObject } from '../common';

const fields: INodeProperties[] = [
	chatLocator(),
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
