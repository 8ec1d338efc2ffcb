import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
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

/** chat: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	create: {
		name: 'Create',
		description: 'Create a chat',
		action: 'Create a chat',
		module: create,
	},
	get: {
		name: 'Get',
		description: 'Get a chat',
		action: 'Get a chat',
		module: get,
	},
	getMany: {
		name: 'Get Many',
		description: 'Get many chats',
		action: 'Get many chats',
		module: getMany,
	},
	update: {
		name: 'Update',
		description: 'Update a chat',
		action: 'Update a chat',
		module: update,
	},
	delete: {
		name: 'Delete',
		description: 'Delete a chat',
		action: 'Delete a chat',
		module: deleteOp,
	},
	assign: {
		name: 'Assign',
		description: 'Assign a chat to a team or agent',
		action: 'Assign a chat',
		module: assign,
	},
	close: {
		name: 'Close',
		description: 'Close a chat',
		action: 'Close a chat',
		module: close,
	},
	changeChannel: {
		name: 'Change Channel',
		description: 'Move a chat to another channel',
		action: 'Change the channel of a chat',
		module: changeChannel,
	},
	sendForm: {
		name: 'Send Form',
		description: 'Send a form to a chat',
		action: 'Send a form to a chat',
		module: sendForm,
	},
	startTyping: {
		name: 'Start Typing',
		description: 'Tell participants the caller is typing',
		action: 'Start typing in a chat',
		module: startTyping,
	},
	stopTyping: {
		name: 'Stop Typing',
		description: 'Tell participants the caller stopped typing',
		action: 'Stop typing in a chat',
		module: stopTyping,
	},
	getParticipants: {
		name: 'Get Participants',
		description: 'Get the participants of a chat',
		action: 'Get chat participants',
		module: getParticipants,
	},
};

export const description = resourceDescription('chat', operations, { default: 'get' });
