import type { INodeProperties } from 'n8n-workflow';

import * as createDefinition from './createDefinition.operation';
import * as trigger from './trigger.operation';

export { createDefinition, trigger };

export const description: INodeProperties[] = [
	{
		displayName:
			"Business Events go to the credential's Business Events Base URL; when it is empty, to https://api.webengage.com for Global accounts and to the data center's own host for India and Saudi Arabia (WebEngage documents no host for them)",
		name: 'businessEventsHostNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['businessEvent'] } },
	},
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['businessEvent'] } },
		options: [
			{
				name: 'Create Definition',
				value: 'createDefinition',
				description: 'Define a business event and its attributes (for Relays)',
				action: 'Create a business event definition',
			},
			{
				name: 'Trigger',
				value: 'trigger',
				description: 'Send one business event (for Relays)',
				action: 'Trigger a business event',
			},
		],
		default: 'trigger',
	},
	...createDefinition.description,
	...trigger.description,
];
