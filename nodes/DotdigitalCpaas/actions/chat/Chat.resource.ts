import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared';
import * as assign from './assign.operation';
import * as changeChannel from './changeChannel.operation';
import * as close from './close.operation';
import * as create from './create.operation';
import * as deleteOp from './delete.operation';
import * as get from './get.operation';
import * as getMany from './getMany.operation';
import * as getParticipants from './getParticipants.operation';
import * as sendForm from './sendForm.operation';
import * as startTyping from './startTyping.operation';
import * as stopTyping from './stopTyping.operation';
import * as update from './update.operation';

export const operations: Record<string, OperationModule> = {
	create: create,
	get: get,
	getMany: getMany,
	update: update,
	delete: deleteOp,
	assign: assign,
	close: close,
	changeChannel: changeChannel,
	sendForm: sendForm,
	startTyping: startTyping,
	stopTyping: stopTyping,
	getParticipants: getParticipants,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['chat'] } },
		options: [
			{
				name: 'Assign',
				value: 'assign',
				description: 'Assign a chat to a team or agent',
				action: 'Assign a chat',
			},
			{
				name: 'Change Channel',
				value: 'changeChannel',
				description: 'Move a chat to another channel',
				action: 'Change the channel of a chat',
			},
			{ name: 'Close', value: 'close', description: 'Close a chat', action: 'Close a chat' },
			{ name: 'Create', value: 'create', description: 'Create a chat', action: 'Create a chat' },
			{ name: 'Delete', value: 'delete', description: 'Delete a chat', action: 'Delete a chat' },
			{ name: 'Get', value: 'get', description: 'Get a chat', action: 'Get a chat' },
			{
				name: 'Get Many',
				value: 'getMany',
				description: 'Get many chats',
				action: 'Get many chats',
			},
			{
				name: 'Get Participants',
				value: 'getParticipants',
				description: 'Get the participants of a chat',
				action: 'Get chat participants',
			},
			{
				name: 'Send Form',
				value: 'sendForm',
				description: 'Send a form to a chat',
				action: 'Send a form to a chat',
			},
			{
				name: 'Start Typing',
				value: 'startTyping',
				description: 'Tell participants the caller is typing',
				action: 'Start typing in a chat',
			},
			{
				name: 'Stop Typing',
				value: 'stopTyping',
				description: 'Tell participants the caller stopped typing',
				action: 'Stop typing in a chat',
			},
			{ name: 'Update', value: 'update', description: 'Update a chat', action: 'Update a chat' },
		],
		default: 'get',
	},
	...create.description,
	...get.description,
	...getMany.description,
	...update.description,
	...deleteOp.description,
	...assign.description,
	...close.description,
	...changeChannel.description,
	...sendForm.description,
	...startTyping.description,
	...stopTyping.description,
	...getParticipants.description,
];
