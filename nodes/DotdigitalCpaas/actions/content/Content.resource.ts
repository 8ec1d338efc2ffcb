import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared';
import * as deleteOp from './delete.operation';
import * as get from './get.operation';
import * as upload from './upload.operation';

export const operations: Record<string, OperationModule> = {
	upload: upload,
	get: get,
	delete: deleteOp,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['content'] } },
		options: [
			{ name: 'Delete', value: 'delete', description: 'Delete a file', action: 'Delete content' },
			{
				name: 'Get',
				value: 'get',
				description: 'Download a file to a binary property',
				action: 'Get content',
			},
			{
				name: 'Upload',
				value: 'upload',
				description: 'Upload a file from a binary property',
				action: 'Upload content',
			},
		],
		default: 'get',
	},
	...upload.description,
	...get.description,
	...deleteOp.description,
];
