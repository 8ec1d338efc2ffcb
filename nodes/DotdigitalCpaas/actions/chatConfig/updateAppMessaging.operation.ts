import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, idField, jsonField, jsonObject } from '../common';

const fields: INodeProperties[] = [
	idField(
		'teamId',
		'Team ID',
		'ID of a chat team, as Chat Config → Get lists it (each chat carries its teamId too)',
	),
	jsonField(
		'config',
		'Configuration (JSON)',
		'App messaging configuration: replyAs (required) and welcomeMessage',
		'{\n  "replyAs": "team"\n}',
		true,
	),
];

export const { description, execute } = defineOperation({
	resource: 'chatConfig',
	operation: 'updateAppMessaging',
	method: 'PUT',
	path: '/chat/config/teams/{teamId}/appMessaging',
	fields,
	body(i: number) {
		return jsonObject.call(this, 'config', 'Configuration (JSON)', i);
	},
});
