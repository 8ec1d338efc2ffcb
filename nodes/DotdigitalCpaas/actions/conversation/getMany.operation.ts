import type { INodeProperties } from 'n8n-workflow';

import { CONVERSATION_OUTPUT, defineOperation } from '../common';

const fields: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Scope',
				name: 'scope',
				type: 'options',
				options: [
					{ name: 'Participant', value: 'participant' },
					{ name: 'Public', value: 'public' },
				],
				default: 'participant',
				description: 'Which conversations to list',
			},
			{
				displayName: 'Profile ID',
				name: 'profileId',
				type: 'string',
				default: '',
				description: 'Only conversations this profile takes part in',
			},
			{
				displayName: 'Include Deleted',
				name: 'includeDeleted',
				type: 'boolean',
				default: false,
				description: 'Whether to include deleted conversations',
			},
		],
	},
];

export const { description, execute } = defineOperation({
	resource: 'conversation',
	operation: 'getMany',
	method: 'GET',
	path: '/conversations',
	fields,
	list: true,
	output: CONVERSATION_OUTPUT,
});
