import type { INodeProperties } from 'n8n-workflow';

import * as send from './send.operation';
import * as sendExternal from './sendExternal.operation';
import * as sendViaWrapper from './sendViaWrapper.operation';

export { send, sendExternal, sendViaWrapper };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['broadcast'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				description:
					'Broadcast text messages to the channel users of the input items, one broadcast per distinct content (v1 direct broadcast)',
				action: 'Send a broadcast',
			},
			{
				name: 'Send External (CSV)',
				value: 'sendExternal',
				description:
					'Broadcast an approved WhatsApp template to a CSV of recipients, built from the input items or read from a binary field (External Broadcast API)',
				action: 'Send an external broadcast',
			},
			{
				name: 'Send via Wrapper',
				value: 'sendViaWrapper',
				description:
					'Broadcast a WhatsApp template to the users of the input items, one broadcast per distinct content (v2 wrapper API; Engati support must enable it)',
				action: 'Send a broadcast via the wrapper API',
			},
		],
		default: 'send',
	},
	...send.description,
	...sendExternal.description,
	...sendViaWrapper.description,
];
