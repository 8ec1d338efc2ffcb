import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
import * as deleteOp from './delete.operation';
import * as get from './get.operation';
import * as postInbound from './postInbound.operation';
import * as postInboundStatus from './postInboundStatus.operation';
import * as postStatus from './postStatus.operation';
import * as send from './send.operation';
import * as sendMany from './sendMany.operation';
import * as update from './update.operation';

/** message: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	send: {
		name: 'Send',
		description: 'Send a message through one or more channels (One API)',
		action: 'Send a message',
		module: send,
	},
	sendMany: {
		name: 'Send Many',
		description: 'Send all input items as messages through the batch API, 5000 per call',
		action: 'Send many messages',
		module: sendMany,
	},
	get: {
		name: 'Get Status',
		description: 'Get a message and its delivery status',
		action: 'Get a message status',
		module: get,
	},
	update: {
		name: 'Update',
		description: 'Redact the content of a sent message',
		action: 'Update a message',
		module: update,
	},
	delete: {
		name: 'Delete',
		description: 'Delete a message',
		action: 'Delete a message',
		module: deleteOp,
	},
	postStatus: {
		name: 'Post Status',
		description: 'Report a delivery status for a message on a custom channel',
		action: 'Post a message status',
		module: postStatus,
	},
	postInbound: {
		name: 'Post Inbound',
		description: 'Inject an inbound message from a custom channel',
		action: 'Post an inbound message',
		module: postInbound,
	},
	postInboundStatus: {
		name: 'Post Inbound Status',
		description: 'Report an inbound message delivered or read',
		action: 'Post an inbound message status',
		module: postInboundStatus,
	},
};

export const description = resourceDescription('message', operations, { default: 'send' });
