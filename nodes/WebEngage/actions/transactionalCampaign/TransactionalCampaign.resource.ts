import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
import * as trigger from './trigger.operation';
import * as triggerWithFallback from './triggerWithFallback.operation';

/** transactionalCampaign: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	trigger: {
		name: 'Trigger',
		description: 'Send a running transactional campaign to one user',
		action: 'Trigger a transactional campaign',
		module: trigger,
	},
	triggerWithFallback: {
		name: 'Trigger With Fallback',
		description:
			'Send several transactional campaigns in order, falling back to the next one on failure',
		action: 'Trigger transactional campaigns with fallback',
		module: triggerWithFallback,
	},
};

export const description = resourceDescription('transactionalCampaign', operations, {
	default: 'trigger',
});
