import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared';
import * as create from './create.operation';
import * as deleteOp from './delete.operation';
import * as get from './get.operation';
import * as getAvailableEvents from './getAvailableEvents.operation';
import * as getAvailableTemplates from './getAvailableTemplates.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

export const operations: Record<string, OperationModule> = {
	create: create,
	get: get,
	getMany: getMany,
	update: update,
	delete: deleteOp,
	getAvailableEvents: getAvailableEvents,
	getAvailableTemplates: getAvailableTemplates,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['webhook'] } },
		options: [
			{
				name: 'Create',
				value: 'create',
				description: 'Create a webhook',
				action: 'Create a webhook',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a webhook',
				action: 'Delete a webhook',
			},
			{ name: 'Get', value: 'get', description: 'Get a webhook', action: 'Get a webhook' },
			{
				name: 'Get Available Events',
				value: 'getAvailableEvents',
				description: 'Get the event types a webhook can subscribe to',
				action: 'Get available webhook events',
			},
			{
				name: 'Get Available Templates',
				value: 'getAvailableTemplates',
				description: 'Get the event templates (pre-defined groups of events) a webhook can use',
				action: 'Get available webhook event templates',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get many webhooks',
				action: 'Get many webhooks',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Replace the settings of a webhook',
				action: 'Update a webhook',
			},
		],
		default: 'get',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteOp.description,
	...getAvailableEvents.description,
	...getAvailableTemplates.description,
];
