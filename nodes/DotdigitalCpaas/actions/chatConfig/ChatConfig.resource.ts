import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
import * as deleteAppMessaging from './deleteAppMessaging.operation';
import * as deleteSettings from './deleteSettings.operation';
import * as deleteTeam from './deleteTeam.operation';
import * as get from './get.operation';
import * as getTeam from './getTeam.operation';
import * as updateAppMessaging from './updateAppMessaging.operation';
import * as updateSettings from './updateSettings.operation';

/** chatConfig: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	get: {
		name: 'Get',
		description: 'Get the chat configuration of the API space',
		action: 'Get the chat configuration',
		module: get,
	},
	getTeam: {
		name: 'Get Team',
		description: 'Get the members of a team',
		action: 'Get a chat team',
		module: getTeam,
	},
	deleteTeam: {
		name: 'Delete Team',
		description: 'Remove the configuration of a team',
		action: 'Delete a chat team configuration',
		module: deleteTeam,
	},
	updateAppMessaging: {
		name: 'Update App Messaging',
		description: 'Update the app messaging configuration of a team',
		action: 'Update team app messaging config',
		module: updateAppMessaging,
	},
	deleteAppMessaging: {
		name: 'Delete App Messaging',
		description: 'Remove the app messaging configuration of a team',
		action: 'Delete team app messaging config',
		module: deleteAppMessaging,
	},
	updateSettings: {
		name: 'Update Settings',
		description: 'Update the general settings of a team',
		action: 'Update team settings',
		module: updateSettings,
	},
	deleteSettings: {
		name: 'Delete Settings',
		description: 'Remove the settings of a team',
		action: 'Delete team settings',
		module: deleteSettings,
	},
};

export const description = resourceDescription('chatConfig', operations, { default: 'get' });
