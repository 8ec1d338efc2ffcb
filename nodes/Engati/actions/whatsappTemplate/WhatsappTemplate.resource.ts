import type { INodeProperties } from 'n8n-workflow';

import * as send from './send.operation';

export { send };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['whatsappTemplate'] } },
		options: [
			{
				name: 'Send',
				value: 'send',
				description:
					'Send an approved WhatsApp template to one user, also outside the 24-hour window',
				action: 'Send a template message',
			},
		],
		default: 'send',
	},
	...send.description,
];
