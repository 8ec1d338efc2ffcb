import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared';
import * as create from './create.operation';
import * as deleteOp from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const operations: Record<string, OperationModule> = {
	create: create,
	get: get,
	getMany: getMany,
	update: update,
	delete: deleteOp,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['template'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a template',
				action: 'Create a template',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a template',
				action: 'Delete a template',
			},
			{ name: 'Get', value: 'get', description: 'Get a template', action: 'Get a template' },
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get many templates',
				action: 'Get many templates',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Replace the name, description and parts of a template',
				action: 'Update a template',
			},
		],
		default: 'get',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteOp.description,
];
