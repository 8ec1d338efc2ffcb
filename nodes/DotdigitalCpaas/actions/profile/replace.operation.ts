import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, jsonField, jsonObject, profileLocator } from '../common';

const fields: INodeProperties[] = [
	profileLocator(),
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
	operation: 'replace',
	method: 'PUT',
	path: '/profiles/{profileId}',
	fields,
	body(i: number) {
		return jsonObject.call(this, 'profile', 'Profile (JSON)', i);
	},
});
