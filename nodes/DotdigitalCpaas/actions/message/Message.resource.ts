import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared';
import * as deleteOp from './delete.operation';
import * as get from './get.operation';
import * as postInbound from './postInbound.operation';
import * as postInboundStatus from './postInboundStatus.operation';
import * as postStatus from './postStatus.operation';
import * as send from './send.operation';
import * as sendMany from './sendMany.operation';
import * as update from './update.operation';

export const operations: Record<string, OperationModule> = {
	send: send,
	sendMany: sendMany,
	get: get,
	update: update,
	delete: deleteOp,
	postStatus: postStatus,
	postInbound: postInbound,
	postInboundStatus: postInboundStatus,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['message'] } },
		options: [
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a message',
				action: 'Delete a message',
			},
			{
				name: 'Get Status',
				value: 'get',
				description: 'Get a message and its delivery status',
				action: 'Get a message status',
			},
			{
				name: 'Post Inbound',
				value: 'postInbound',
				description: 'Inject an inbound message from a custom channel',
				action: 'Post an inbound message',
			},
			{
				name: 'Post Inbound Status',
				value: 'postInboundStatus',
				description: 'Report an inbound message delivered or read',
				action: 'Post an inbound message status',
			},
			{
				name: 'Post Status',
				value: 'postStatus',
				description: 'Report a delivery status for a message on a custom channel',
				action: 'Post a message status',
			},
			{
				name: 'Send',
				value: 'send',
				description: 'Send a message through one or more channels (One API)',
				action: 'Send a message',
			},
			{
				name: 'Send Many',
				value: 'sendMany',
				description: 'Send all input items as messages through the batch API, 5000 per call',
				action: 'Send many messages',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Redact the content of a sent message',
				action: 'Update a message',
			},
		],
		default: 'send',
	},
	...send.description,
	...sendMany.description,
	...get.description,
	...update.description,
	...deleteOp.description,
	...postStatus.description,
	...postInbound.description,
	...postInboundStatus.description,
];
