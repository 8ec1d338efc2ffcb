import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, jsonField, jsonObject, profileLocator, splitList } from '../common';
import { optionsQuery } from '../../../shared';

const fields: INodeProperties[] = [
	profileLocator(),
	jsonField(
		'profile',
		'Profile (JSON)',
		'Profile fields (no field name may start with _)',
		'{\n  "email": "jane@example.com",\n  "phoneNumber": "447123123123"\n}',
		true,
	),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Create If Missing',
				name: 'allowcreate',
				type: 'boolean',
				default: false,
				description: 'Whether to create the profile when it does not exist',
			},
			{
				displayName: 'Fields to Remove',
				name: 'deletes',
				type: 'string',
				default: '',
				description: 'Comma-separated fields to remove from the profile',
			},
		],
	},
];

export const { description, execute } = defineOperation({
	resource: 'profile',
	operation: 'update',
	method: 'PATCH',
	path: '/profiles/{profileId}',
	fields,
	body(i: number) {
		return jsonObject.call(this, 'profile', 'Profile (JSON)', i);
	},
	query(i: number) {
		const q = optionsQuery.call(this, i);
		if (q.deletes) q.deletes = splitList(q.deletes);
		return q;
	},
	idempotent: true,
});
