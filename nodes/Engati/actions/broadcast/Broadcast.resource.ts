import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
import * as send from './send.operation';
import * as sendExternal from './sendExternal.operation';
import * as sendViaWrapper from './sendViaWrapper.operation';

/** broadcast: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	send: {
		name: 'Send',
		description:
			'Broadcast text messages to the channel users of the input items, one broadcast per distinct content (v1 direct broadcast)',
		action: 'Send a broadcast',
		module: send,
	},
	sendExternal: {
		name: 'Send External (CSV)',
		description:
			'Broadcast an approved WhatsApp template to a CSV of recipients, built from the input items or read from a binary field (External Broadcast API)',
		action: 'Send an external broadcast',
		module: sendExternal,
	},
	sendViaWrapper: {
		name: 'Send via Wrapper',
		description:
			'Broadcast a WhatsApp template to the users of the input items, one broadcast per distinct content (v2 wrapper API; Engati support must enable it)',
		action: 'Send a broadcast via the wrapper API',
		module: sendViaWrapper,
	},
};

export const description = resourceDescription('broadcast', operations, { default: 'send' });
