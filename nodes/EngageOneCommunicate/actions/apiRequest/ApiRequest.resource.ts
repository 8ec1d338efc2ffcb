import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
import * as request from './request.operation';

/** apiRequest: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	request: {
		name: 'Make a Request',
		description: 'Call any endpoint of an EngageOne Communicate API with authentication handled',
		action: 'Make an API request',
		module: request,
	},
};

export const description = resourceDescription('apiRequest', operations, { default: 'request' });
