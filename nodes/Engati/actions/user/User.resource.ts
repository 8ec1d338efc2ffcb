import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
import * as getManyByAttribute from './getManyByAttribute.operation';

/** user: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	getManyByAttribute: {
		name: 'Get Many by Attribute',
		description: 'Get the bot users whose attribute has a given value',
		action: 'Get many users by attribute',
		module: getManyByAttribute,
	},
};

export const description = resourceDescription('user', operations, {
	default: 'getManyByAttribute',
});
