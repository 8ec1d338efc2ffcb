import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
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

/** conversation: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	create: {
		name: 'Create',
		description: 'Create a conversation',
		action: 'Create a conversation',
		module: create,
	},
	get: {
		name: 'Get',
		description: 'Get a conversation',
		action: 'Get a conversation',
		module: get,
	},
	getMany: {
		name: 'Get Many',
		description: 'Get many conversations',
		action: 'Get many conversations',
		module: getMany,
	},
	update: {
		name: 'Update',
		description: 'Update a conversation',
		action: 'Update a conversation',
		module: update,
	},
	delete: {
		name: 'Delete',
		description: 'Delete a conversation',
		action: 'Delete a conversation',
		module: deleteOp,
	},
	startTyping: {
		name: 'Start Typing',
		description: 'Tell participants the caller is typing',
		action: 'Start typing in a conversation',
		module: startTyping,
	},
	stopTyping: {
		name: 'Stop Typing',
		description: 'Tell participants the caller stopped typing',
		action: 'Stop typing in a conversation',
		module: stopTyping,
	},
	getParticipants: {
		name: 'Get Participants',
		description: 'Get the participants of a conversation',
		action: 'Get conversation participants',
		module: getParticipants,
	},
	addParticipants: {
		name: 'Add Participants',
		description: 'Add participants to a conversation',
		action: 'Add participants to a conversation',
		module: addParticipants,
	},
	removeParticipants: {
		name: 'Remove Participants',
		description: 'Remove participants from a conversation',
		action: 'Remove participants from a conversation',
		module: removeParticipants,
	},
};

export const description = resourceDescription('conversation', operations, { default: 'get' });
