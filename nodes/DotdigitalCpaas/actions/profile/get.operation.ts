import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, PROFILE_OUTPUT, profileLocator } from '../common';

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
				displayName: 'Include Deleted',
				name: 'includeDeleted',
				type: 'boolean',
				default: false,
				description: 'Whether to return the profile even if it was deleted',
			},
		],
	},
];

export const { description, execute } = defineOperation({
	resource: 'profile',
	operation: 'get',
	method: 'GET',
	path: '/profiles/{profileId}',
	fields,
	output: PROFILE_OUTPUT,
});
