import type { INodeProperties } from 'n8n-workflow';

import * as trigger from './trigger.operation';

export { trigger };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['flow'] } },
		options: [
			{
				name: 'Trigger',
				value: 'trigger',
				description: 'Start a bot flow for a user (API trigger; an Enterprise entitlement)',
				action: 'Trigger a flow',
			},
		],
		default: 'trigger',
	},
	...trigger.description,
];
