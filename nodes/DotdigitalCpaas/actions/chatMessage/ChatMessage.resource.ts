import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared';
import * as getEvents from './getEvents.operation';
import * as getMany from './getMany.operation';
import * as send from './send.operation';
import * as updateStatus from './updateStatus.operation';

export const operations: Record<string, OperationModule> = {
	send: send,
	getMany: getMany,
	getEvents: getEvents,
	updateStatus: updateStatus,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['chatMessage'] } },
		options: [
			{
				name: 'Get Events',
				value: 'getEvents',
				description: 'Get events of a chat',
				action: 'Get chat events',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get messages of a chat, newest first',
				action: 'Get many chat messages',
			},
			{
				name: 'Send',
				value: 'send',
				description: 'Send a message to a chat',
				action: 'Send a chat message',
			},
			{
				name: 'Update Status',
				value: 'updateStatus',
				description: 'Report messages delivered or read',
				action: 'Update chat message statuses',
			},
		],
		default: 'send',
	},
	...send.description,
	...getMany.description,
	...getEvents.description,
	...updateStatus.description,
];
