import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
import * as getEvents from './getEvents.operation';
import * as getMany from './getMany.operation';
import * as send from './send.operation';
import * as updateStatus from './updateStatus.operation';

/** chatMessage: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	send: {
		name: 'Send',
		description: 'Send a message to a chat',
		action: 'Send a chat message',
		module: send,
	},
	getMany: {
		name: 'Get Many',
		description: 'Get messages of a chat, newest first',
		action: 'Get many chat messages',
		module: getMany,
	},
	getEvents: {
		name: 'Get Events',
		description: 'Get events of a chat',
		action: 'Get chat events',
		module: getEvents,
	},
	updateStatus: {
		name: 'Update Status',
		description: 'Report messages delivered or read',
		action: 'Update chat message statuses',
		module: updateStatus,
	},
};

export const description = resourceDescription('chatMessage', operations, { default: 'send' });
