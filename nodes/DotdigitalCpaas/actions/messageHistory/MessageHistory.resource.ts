import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
import * as getMany from './getMany.operation';

/** messageHistory: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	getMany: {
		name: 'Get Many',
		description: 'Get the messages sent to and received from a profile, newest first',
		action: 'Get many messages of a profile',
		module: getMany,
	},
};

export const description = resourceDescription('messageHistory', operations, {
	default: 'getMany',
});
