import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, idField } from '../common';

const fields: INodeProperties[] = [
	idField(
		'teamId',
		'Team ID',
		'ID of a chat team, as Chat Config → Get lists it (each chat carries its teamId too)',
	),
];

export const { description, execute } = defineOperation({
	resource: 'chatConfig',
	operation: 'deleteAppMessaging',
	method: 'DELETE',
	path: '/chat/config/teams/{teamId}/appMessaging',
	fields,
});
