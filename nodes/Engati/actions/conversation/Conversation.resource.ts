import type { INodeProperties } from 'n8n-workflow';

import * as getHistory from './getHistory.operation';

export { getHistory };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversation'] } },
		options: [
			{
				name: 'Get History',
				value: 'getHistory',
				description: 'Get the conversation messages of one channel user',
				action: 'Get the conversation history of a user',
			},
		],
		default: 'getHistory',
	},
	...getHistory.description,
];
