import type { INodeProperties } from 'n8n-workflow';

import * as send from './send.operation';
import * as sendViaWrapper from './sendViaWrapper.operation';

export { send, sendViaWrapper };

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
	...sendViaWrapper.description,
];
