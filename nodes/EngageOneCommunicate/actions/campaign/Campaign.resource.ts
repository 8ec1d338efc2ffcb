import type { INodeProperties } from 'n8n-workflow';

import * as sendTransactional from './sendTransactional.operation';

export { sendTransactional };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['campaign'] } },
		options: [
			{
				name: 'Send Transactional',
				value: 'sendTransactional',
				description:
					'Send an email communication to the recipients in a data set built from the input items',
				action: 'Send a transactional campaign',
			},
		],
		default: 'sendTransactional',
	},
	...sendTransactional.description,
];
