import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, jsonField, jsonObject } from '../common';

const fields: INodeProperties[] = [
	jsonField(
		'conversation',
		'Conversation (JSON)',
		'Conversation: id, name, roles (required), description, isPublic, participants, messageScope',
		'{\n  "id": "support-1",\n  "name": "Support",\n  "isPublic": false,\n  "roles": {\n    "owner": { "canSend": true, "canAddParticipants": true, "canRemoveParticipants": true },\n    "participant": { "canSend": true, "canAddParticipants": false, "canRemoveParticipants": false }\n  },\n  "participants": []\n}',
		true,
	),
];

export const { description, execute } = defineOperation({
	resource: 'conversation',
	operation: 'create',
	method: 'POST',
	path: '/conversations',
	fields,
	body(i: number) {
		return jsonObject.call(this, 'conversation', 'Conversation (JSON)', i);
	},
});
