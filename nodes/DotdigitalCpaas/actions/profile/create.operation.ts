import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, idField, jsonField, jsonObject, requiredString } from '../common';

const fields: INodeProperties[] = [
	idField(
		'profileId',
		'Profile ID',
		'Your ID for the new profile, e.g. a CRM ID or an email address',
	),
	jsonField(
		'profile',
		'Profile (JSON)',
		'Profile fields (no field name may start with _)',
		'{\n  "email": "jane@example.com",\n  "phoneNumber": "447123123123"\n}',
		true,
	),
];

export const { description, execute } = defineOperation({
	resource: 'profile',
	operation: 'create',
	method: 'POST',
	path: '/profiles',
	fields,
	body(i: number) {
		return {
			...jsonObject.call(this, 'profile', 'Profile (JSON)', i),
			id: requiredString.call(this, 'profileId', 'Profile ID', i),
		};
	},
});
