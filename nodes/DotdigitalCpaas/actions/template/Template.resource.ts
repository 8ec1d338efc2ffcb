import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
import * as create from './create.operation';
import * as deleteOp from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as update from './update.operation';

/** template: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	create: {
		name: 'Create',
		description: 'Create a template',
		action: 'Create a template',
		module: create,
	},
	get: {
		name: 'Get',
		description: 'Get a template',
		action: 'Get a template',
		module: get,
	},
	getMany: {
		name: 'Get Many',
		description: 'Get many templates',
		action: 'Get many templates',
		module: getMany,
	},
	update: {
		name: 'Update',
		description: 'Replace the name, description and parts of a template',
		action: 'Update a template',
		module: update,
	},
	delete: {
		name: 'Delete',
		description: 'Delete a template',
		action: 'Delete a template',
		module: deleteOp,
	},
};

export const description = resourceDescription('template', operations, { default: 'get' });
