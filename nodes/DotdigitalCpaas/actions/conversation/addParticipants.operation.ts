import type { INodeProperties } from 'n8n-workflow';

import { conversationLocator, defineOperation, jsonArray, jsonField } from '../common';

const fields: INodeProperties[] = [
	conversationLocator(),
	jsonField(
		'participants',
		'Participants (JSON)',
		'List of participants, each with an id (profile ID) and a role',
		'[\n  { "id": "profile-1", "role": "participant" }\n]',
		true,
	),
];

export const { description, execute } = defineOperation({
	resource: 'conversation',
	operation: 'addParticipants',
	method: 'POST',
	path: '/conversations/{conversationId}/participants',
	fields,
	body(i: number) {
		return jsonArray.call(this, 'participants', 'Participants (JSON)', i);
	},
	idempotent: true,
});
