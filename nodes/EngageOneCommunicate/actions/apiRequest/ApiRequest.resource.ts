import type { INodeProperties } from 'n8n-workflow';

import * as request from './request.operation';

export { request };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['apiRequest'] } },
		options: [
			{
				name: 'Make a Request',
				value: 'request',
				description:
					'Call any endpoint of an EngageOne Communicate API with authentication handled',
				action: 'Make an API request',
			},
		],
		default: 'request',
	},
	...request.description,
];
