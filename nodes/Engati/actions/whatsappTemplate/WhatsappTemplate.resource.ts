import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
import * as send from './send.operation';

/** whatsappTemplate: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	send: {
		name: 'Send',
		description: 'Send an approved WhatsApp template to one user, also outside the 24-hour window',
		action: 'Send a template message',
		module: send,
	},
};

export const description = resourceDescription('whatsappTemplate', operations, { default: 'send' });
