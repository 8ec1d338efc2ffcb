import type { INodeProperties } from 'n8n-workflow';

import { conversationLocator, defineOperation, jsonField, jsonObject } from '../common';

const fields: INodeProperties[] = [
	conversationLocator(),
	jsonField(
		'message',
		'Message (JSON)',
		'Message: parts (required), from, metadata, alert',
		'{\n  "parts": [{ "type": "text/plain", "data": "Hello" }],\n  "metadata": {}\n}',
		true,
	),
];

export const { description, execute } = defineOperation({
	resource: 'conversationMessage',
	operation: 'send',
	method: 'POST',
	path: '/conversations/{conversationId}/messages',
	fields,
	body(i: number) {
		return jsonObject.call(this, 'message', 'Message (JSON)', i);
	},
});
