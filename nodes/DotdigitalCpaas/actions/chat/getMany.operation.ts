import type { INodeProperties } from 'n8n-workflow';

import { CHAT_OUTPUT, defineOperation } from '../common';

const fields: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Profile ID',
				name: 'profileId',
				type: 'string',
				default: '',
				description: 'Only chats of this profile',
			},
			{
				displayName: 'Scope',
				name: 'scope',
				type: 'options',
				options: [
					{ name: 'All', value: 'all' },
					{ name: 'Profile', value: 'profile' },
				],
				default: 'profile',
				description: 'Which chats to list',
			},
			{
				displayName: 'Include Closed',
				name: 'includeClosed',
				type: 'boolean',
				default: false,
				description: 'Whether to include closed chats',
			},
			{
				displayName: 'Include Deleted',
				name: 'includeDeleted',
				type: 'boolean',
				default: false,
				description: 'Whether to include deleted chats',
			},
		],
	},
];

export const { description, execute } = defineOperation({
	resource: 'chat',
	operation: 'getMany',
	method: 'GET',
	path: '/chats',
	fields,
	list: true,
	output: CHAT_OUTPUT,
});
