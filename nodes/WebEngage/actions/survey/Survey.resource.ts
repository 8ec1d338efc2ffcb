import type { INodeProperties } from 'n8n-workflow';

import * as getResponse from './getResponse.operation';

export { getResponse };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['survey'] } },
		options: [
			{
				name: 'Get Response',
				value: 'getResponse',
				description: 'Get one on-site survey response with its answers',
				action: 'Get a survey response',
			},
		],
		default: 'getResponse',
	},
	...getResponse.description,
];
