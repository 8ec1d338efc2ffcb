import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared';
import * as getAgents from './getAgents.operation';
import * as getAppMessaging from './getAppMessaging.operation';

export const operations: Record<string, OperationModule> = {
	getAgents: getAgents,
	getAppMessaging: getAppMessaging,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['chatPresence'] } },
		options: [
			{
				name: 'Get Agents',
				value: 'getAgents',
				description: 'Get the presence of agents',
				action: 'Get agent presence',
			},
			{
				name: 'Get App Messaging Users',
				value: 'getAppMessaging',
				description: 'Get the presence of app messaging users',
				action: 'Get app messaging user presence',
			},
		],
		default: 'getAgents',
	},
	...getAgents.description,
	...getAppMessaging.description,
];
