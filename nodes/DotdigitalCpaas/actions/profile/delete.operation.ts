import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, profileLocator } from '../common';

const fields: INodeProperties[] = [
	profileLocator(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Forget',
				name: 'forget',
				type: 'boolean',
				default: false,
				description: 'Whether to erase the profile from every service (GDPR)',
			},
		],
	},
];

export const { description, execute } = defineOperation({
	resource: 'profile',
	operation: 'delete',
	method: 'DELETE',
	path: '/profiles/{profileId}',
	fields,
});
