import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
import * as end from './end.operation';
import * as get from './get.operation';
import * as getAnonymousToken from './getAnonymousToken.operation';

/** session: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	getAnonymousToken: {
		name: 'Get Anonymous Token',
		description: 'Get a token that starts an anonymous session',
		action: 'Get an anonymous session token',
		module: getAnonymousToken,
	},
	get: {
		name: 'Get',
		description: 'Get details of a session',
		action: 'Get a session',
		module: get,
	},
	delete: {
		name: 'End',
		description: 'End a session, revoking its access',
		action: 'End a session',
		module: end,
	},
};

export const description = resourceDescription('session', operations, { default: 'get' });
