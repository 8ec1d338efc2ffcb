import type { INodeProperties } from 'n8n-workflow';

import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
import * as createDefinition from './createDefinition.operation';
import * as trigger from './trigger.operation';

/** businessEvent: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	createDefinition: {
		name: 'Create Definition',
		description: 'Define a business event and its attributes (for Relays)',
		action: 'Create a business event definition',
		module: createDefinition,
	},
	trigger: {
		name: 'Trigger',
		description: 'Send one business event (for Relays)',
		action: 'Trigger a business event',
		module: trigger,
	},
};

const before: INodeProperties[] = [
	{
		displayName:
			"Business Events go to the credential's Business Events Base URL; when it is empty, to https://api.webengage.com for Global accounts and to the data center's own host for India and Saudi Arabia (WebEngage documents no host for them)",
		name: 'businessEventsHostNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { resource: ['businessEvent'] } },
	},
];

export const description = resourceDescription('businessEvent', operations, {
	default: 'trigger',
	before,
});
