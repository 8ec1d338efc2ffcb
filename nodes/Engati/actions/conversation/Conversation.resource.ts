import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
import * as getHistory from './getHistory.operation';

/** conversation: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	getHistory: {
		name: 'Get History',
		description: 'Get the conversation messages of one channel user',
		action: 'Get the conversation history of a user',
		module: getHistory,
	},
};

export const description = resourceDescription('conversation', operations, {
	default: 'getHistory',
});
