import type { INodeProperties } from 'n8n-workflow';

import * as getManyByAttribute from './getManyByAttribute.operation';

export { getManyByAttribute };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Get Many by Attribute',
				value: 'getManyByAttribute',
				description: 'Get the bot users whose attribute has a given value',
				action: 'Get many users by attribute',
			},
		],
		default: 'getManyByAttribute',
	},
	...getManyByAttribute.description,
];
