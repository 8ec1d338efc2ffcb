import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
import * as trigger from './trigger.operation';

/** flow: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	trigger: {
		name: 'Trigger',
		description: 'Start a bot flow for a user (API trigger; an Enterprise entitlement)',
		action: 'Trigger a flow',
		module: trigger,
	},
};

export const description = resourceDescription('flow', operations, { default: 'trigger' });
