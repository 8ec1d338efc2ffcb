import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared';
import * as addParticipants from './addParticipants.operation';
import * as create from './create.operation';
import * as deleteOp from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getParticipants from './getParticipants.operation';
import * as removeParticipants from './removeParticipants.operation';
import * as startTyping from './startTyping.operation';
import * as stopTyping from './stopTyping.operation';
import * as update from './update.operation';

export const operations: Record<string, OperationModule> = {
	create: create,
	get: get,
	getMany: getMany,
	update: update,
	delete: deleteOp,
	startTyping: startTyping,
	stopTyping: stopTyping,
	getParticipants: getParticipants,
	addParticipants: addParticipants,
	removeParticipants: removeParticipants,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['conversation'] } },
		options: [
			{
				name: 'Add Participants',
				value: 'addParticipants',
				description: 'Add participants to a conversation',
				action: 'Add participants to a conversation',
			},
			{
				name: 'Create',
				value: 'create',
				description: 'Create a conversation',
				action: 'Create a conversation',
			},
			{
				name: 'Delete',
				value: 'delete',
				description: 'Delete a conversation',
				action: 'Delete a conversation',
			},
			{
				name: 'Get',
				value: 'get',
				description: 'Get a conversation',
				action: 'Get a conversation',
			},
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get many conversations',
				action: 'Get many conversations',
			},
			{
				name: 'Get Participants',
				value: 'getParticipants',
				description: 'Get the participants of a conversation',
				action: 'Get conversation participants',
			},
			{
				name: 'Remove Participants',
				value: 'removeParticipants',
				description: 'Remove participants from a conversation',
				action: 'Remove participants from a conversation',
			},
			{
				name: 'Start Typing',
				value: 'startTyping',
				description: 'Tell participants the caller is typing',
				action: 'Start typing in a conversation',
			},
			{
				name: 'Stop Typing',
				value: 'stopTyping',
				description: 'Tell participants the caller stopped typing',
				action: 'Stop typing in a conversation',
			},
			{
				name: 'Update',
				value: 'update',
				description: 'Update a conversation',
				action: 'Update a conversation',
			},
		],
		default: 'get',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteOp.description,
	...startTyping.description,
	...stopTyping.description,
	...getParticipants.description,
	...addParticipants.description,
	...removeParticipants.description,
];
