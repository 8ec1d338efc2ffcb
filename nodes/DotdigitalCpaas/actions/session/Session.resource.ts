import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared';
import * as end from './end.operation';
import * as get from './get.operation';
import * as getAnonymousToken from './getAnonymousToken.operation';

export const operations: Record<string, OperationModule> = {
	getAnonymousToken: getAnonymousToken,
	get: get,
	delete: end,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['session'] } },
		options: [
			{
				name: 'End',
				value: 'delete',
				description: 'End a session, revoking its access',
				action: 'End a session',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get details of a session',
				action: 'Get a session',
			},
			{
				name: 'Get Anonymous Token',
				value: 'getAnonymousToken',
				description: 'Get a token that starts an anonymous session',
				action: 'Get an anonymous session token',
			},
		],
		default: 'get',
	},
	...getAnonymousToken.description,
	...get.description,
	...end.description,
];
