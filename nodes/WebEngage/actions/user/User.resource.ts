import type { INodeProperties } from 'n8n-workflow';

import * as upsert from './upsert.operation';
import * as upsertMany from './upsertMany.operation';

export { upsert, upsertMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a user',
			},
			{
				name: 'Create or Update Many',
				value: 'upsertMany',
				description: 'Create or update all input users through the bulk API, 25 per call',
				action: 'Create or update many users',
			},
		],
		default: 'upsert',
	},
	...upsert.description,
	...upsertMany.description,
];
