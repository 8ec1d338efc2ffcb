import type { INodeProperties } from 'n8n-workflow';

import { conversationLocator, defineOperation, jsonField, jsonObject } from '../common';

const fields: INodeProperties[] = [
	conversationLocator(),
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
