import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared';
import * as getMany from './getMany.operation';

export const operations: Record<string, OperationModule> = { getMany: getMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['messageHistory'] } },
		options: [
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get the messages sent to and received from a profile, newest first',
				action: 'Get many messages of a profile',
			},
		],
		default: 'getMany',
	},
	...getMany.description,
];
