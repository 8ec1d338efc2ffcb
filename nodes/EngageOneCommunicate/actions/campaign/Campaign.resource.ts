import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
import * as sendTransactional from './sendTransactional.operation';

/** campaign: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	sendTransactional: {
		name: 'Send Transactional',
		description:
			'Send an email communication to the recipients in a data set built from the input items',
		action: 'Send a transactional campaign',
		module: sendTransactional,
	},
};

export const description = resourceDescription('campaign', operations, {
	default: 'sendTransactional',
});
