import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
import * as create from './create.operation';
import * as deleteOp from './delete.operation';
import * as get from './get.operation';
import * as getAvailableEvents from './getAvailableEvents.operation';
import * as getAvailableTemplates from './getAvailableTemplates.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

/** webhook: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	create: {
		name: 'Create',
		description: 'Create a webhook',
		action: 'Create a webhook',
		module: create,
	},
	get: {
		name: 'Get',
		description: 'Get a webhook',
		action: 'Get a webhook',
		module: get,
	},
	getMany: {
		name: 'Get Many',
		description: 'Get many webhooks',
		action: 'Get many webhooks',
		module: getMany,
	},
	update: {
		name: 'Update',
		description: 'Replace the settings of a webhook',
		action: 'Update a webhook',
		module: update,
	},
	delete: {
		name: 'Delete',
		description: 'Delete a webhook',
		action: 'Delete a webhook',
		module: deleteOp,
	},
	getAvailableEvents: {
		name: 'Get Available Events',
		description: 'Get the event types a webhook can subscribe to',
		action: 'Get available webhook events',
		module: getAvailableEvents,
	},
	getAvailableTemplates: {
		name: 'Get Available Templates',
		description: 'Get the event templates (pre-defined groups of events) a webhook can use',
		action: 'Get available webhook event templates',
		module: getAvailableTemplates,
	},
};

export const description = resourceDescription('webhook', operations, { default: 'get' });
