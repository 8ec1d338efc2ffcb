import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared';
import * as deleteAppMessaging from './deleteAppMessaging.operation';
import * as deleteSettings from './deleteSettings.operation';
import * as deleteTeam from './deleteTeam.operation';
import * as get from './get.operation';
import * as getTeam from './getTeam.operation';
import * as updateAppMessaging from './updateAppMessaging.operation';
import * as updateSettings from './updateSettings.operation';

export const operations: Record<string, OperationModule> = {
	get: get,
	getTeam: getTeam,
	deleteTeam: deleteTeam,
	updateAppMessaging: updateAppMessaging,
	deleteAppMessaging: deleteAppMessaging,
	updateSettings: updateSettings,
	deleteSettings: deleteSettings,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['chatConfig'] } },
		options: [
			{
				name: 'Delete App Messaging',
				value: 'deleteAppMessaging',
				description: 'Remove the app messaging configuration of a team',
				action: 'Delete team app messaging config',
			},
			{
				name: 'Delete Settings',
				value: 'deleteSettings',
				description: 'Remove the settings of a team',
				action: 'Delete team settings',
			},
			{
				name: 'Delete Team',
				value: 'deleteTeam',
				description: 'Remove the configuration of a team',
				action: 'Delete a chat team configuration',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get the chat configuration of the API space',
				action: 'Get the chat configuration',
			},
			{
				name: 'Get Team',
				value: 'getTeam',
				description: 'Get the members of a team',
				action: 'Get a chat team',
			},
			{
				name: 'Update App Messaging',
				value: 'updateAppMessaging',
				description: 'Update the app messaging configuration of a team',
				action: 'Update team app messaging config',
			},
			{
				name: 'Update Settings',
				value: 'updateSettings',
				description: 'Update the general settings of a team',
				action: 'Update team settings',
			},
		],
		default: 'get',
	},
	...get.description,
	...getTeam.description,
	...deleteTeam.description,
	...updateAppMessaging.description,
	...deleteAppMessaging.description,
	...updateSettings.description,
	...deleteSettings.description,
];
