import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, jsonField, jsonObject } from '../common';

const fields: INodeProperties[] = [
	jsonField(
		'chat',
		'Chat (JSON)',
		'Chat: name, teamId, channelId (required), description, participants, context',
		'{\n  "name": "Order help",\n  "teamId": "team-1",\n  "channelId": "appMessaging",\n  "participants": [{ "id": "profile-1", "role": "participant" }]\n}',
		true,
	),
];

export const { description, execute } = defineOperation({
	resource: 'chat',
	operation: 'create',
	method: 'POST',
	path: '/chats',
	fields,
	body(i: number) {
		return jsonObject.call(this, 'chat', 'Chat (JSON)', i);
	},
});
