import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, WEBHOOK_OUTPUT } from '../common';

const fields: INodeProperties[] = [
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
				description: 'Whether to include deleted webhooks',
			},
		],
	},
];

export const { description, execute } = defineOperation({
	resource: 'webhook',
	operation: 'getMany',
	method: 'GET',
	path: '/webhooks',
	fields,
	list: true,
	output: WEBHOOK_OUTPUT,
});
