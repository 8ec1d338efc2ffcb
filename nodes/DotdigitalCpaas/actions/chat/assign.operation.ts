import type { INodeProperties } from 'n8n-workflow';

import { chatLocator, defineOperation, jsonField, jsonObject } from '../common';

const fields: INodeProperties[] = [
	chatLocator(),
	jsonField(
		'assignment',
		'Assignment (JSON)',
		'Team and optional agent: {teamId, agentId}',
		'{\n  "teamId": "team-1"\n}',
		true,
	),
];

export const { description, execute } = defineOperation({
	resource: 'chat',
	operation: 'assign',
	method: 'PUT',
	path: '/chats/{chatId}/assign',
	fields,
	body(i: number) {
		return jsonObject.call(this, 'assignment', 'Assignment (JSON)', i);
	},
});
