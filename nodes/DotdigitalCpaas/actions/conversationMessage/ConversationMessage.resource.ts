import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
import * as getEvents from './getEvents.operation';
import * as getMany from './getMany.operation';
import * as send from './send.operation';
import * as updateStatus from './updateStatus.operation';

/** conversationMessage: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	send: {
		name: 'Send',
		description: 'Send a message to a conversation',
		action: 'Send a conversation message',
		module: send,
	},
	getMany: {
		name: 'Get Many',
		description: 'Get messages of a conversation, newest first',
		action: 'Get many conversation messages',
		module: getMany,
	},
	getEvents: {
		name: 'Get Events',
		description: 'Get events of a conversation',
		action: 'Get conversation events',
		module: getEvents,
	},
	updateStatus: {
		name: 'Update Status',
		description: 'Report messages delivered or read',
		action: 'Update conversation message statuses',
		module: updateStatus,
	},
};

export const description = resourceDescription('conversationMessage', operations, {
	default: 'send',
});
