import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
import * as getAgents from './getAgents.operation';
import * as getAppMessaging from './getAppMessaging.operation';

/** chatPresence: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	getAgents: {
		name: 'Get Agents',
		description: 'Get the presence of agents',
		action: 'Get agent presence',
		module: getAgents,
	},
	getAppMessaging: {
		name: 'Get App Messaging Users',
		description: 'Get the presence of app messaging users',
		action: 'Get app messaging user presence',
		module: getAppMessaging,
	},
};

export const description = resourceDescription('chatPresence', operations, {
	default: 'getAgents',
});
