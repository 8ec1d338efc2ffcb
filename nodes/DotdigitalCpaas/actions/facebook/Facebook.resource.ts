import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared';
import * as createMetadata from './createMetadata.operation';

export const operations: Record<string, OperationModule> = {
	createMetadata: createMetadata,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['facebook'] } },
		options: [
			{
				name: 'Create Metadata',
				value: 'createMetadata',
				description:
					'Create the encrypted metadata that links a Facebook Messenger ID to a profile (Send to Messenger data-ref)',
				action: 'Create facebook messenger metadata',
			},
		],
		default: 'createMetadata',
	},
	...createMetadata.description,
];
