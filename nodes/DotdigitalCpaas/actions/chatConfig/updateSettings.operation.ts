import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, idField, jsonField, jsonObject } from '../common';

const fields: INodeProperties[] = [
	idField(
		'teamId',
		'Team ID',
		'ID of a chat team, as Chat Config → Get lists it (each chat carries its teamId too)',
	),
	jsonField('settings', 'Settings (JSON)', 'General team settings', '{}', true),
];

export const { description, execute } = defineOperation({
	resource: 'chatConfig',
	operation: 'updateSettings',
	method: 'PUT',
	path: '/chat/config/teams/{teamId}/settings',
	fields,
	body(i: number) {
		return jsonObject.call(this, 'settings', 'Settings (JSON)', i);
	},
});
