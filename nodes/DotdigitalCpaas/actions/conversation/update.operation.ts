import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, idField, jsonField, jsonObject } from '../common';

const fields: INodeProperties[] = [
	idField('conversationId', 'Conversation ID', 'ID of the conversation'),
	jsonField(
		'conversation',
		'Conversation (JSON)',
		'Updated conversation: name, description, roles, isPublic',
		'{\n  "name": "Support",\n  "roles": {}\n}',
		true,
	),
];

export const { description, execute } = defineOperation({
	resource: 'conversation',
	operation: 'update',
	method: 'PUT',
	path: '/conversations/{conversationId}',
	fields,
	body(i: number) {
		return jsonObject.call(this, 'conversation', 'Conversation (JSON)', i);
	},
});
