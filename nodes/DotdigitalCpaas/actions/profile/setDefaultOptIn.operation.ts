import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, jsonField, jsonObject } from '../common';

const fields: INodeProperties[] = [
	jsonField(
		'settings',
		'Defaults (JSON)',
		'Whether profiles are opted in by default, per channel',
		'{\n  "sms": true,\n  "whatsApp": false\n}',
		true,
	),
];

export const { description, execute } = defineOperation({
	resource: 'profile',
	operation: 'setDefaultOptIn',
	method: 'PUT',
	path: '/profiles/optin',
	fields,
	body(i: number) {
		return jsonObject.call(this, 'settings', 'Defaults (JSON)', i);
	},
});
