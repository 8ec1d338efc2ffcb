import type { INodeProperties } from 'n8n-workflow';

import { defineOperation } from '../common';

const fields: INodeProperties[] = [
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Schemas',
				name: 'includeSchemas',
				type: 'boolean',
				default: false,
				description: 'Whether to include the JSON schema of each event',
			},
		],
	},
];

export const { description, execute } = defineOperation({
	resource: 'webhook',
	operation: 'getAvailableEvents',
	method: 'GET',
	path: '/webhooks/availableevents',
	fields,
});
