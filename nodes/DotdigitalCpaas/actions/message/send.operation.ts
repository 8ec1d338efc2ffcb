import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { processItems, showFor, updateDisplayOptions } from '../../../shared';
import { dotdigitalRequest } from '../../transport';
import { SEND_UNKNOWN_OUTCOME_CHECK } from './sendMany.operation';
import { buildMessage, messageProperties } from './fields';

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('message', 'send'),
	messageProperties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await processItems.call(this, items, async (itemIndex) => {
		const message = buildMessage.call(this, itemIndex);
		// A send is not replayed after a 5xx or a broken connection: it could reach the recipient twice.
		return await dotdigitalRequest.call(this, {
			method: 'POST',
			path: '/messages',
			body: message,
			// The 201 answer is the message, with the ID dotdigital gave it.
			expect: (body) =>
				typeof (body as { messageId?: unknown } | undefined)?.messageId === 'string'
					? undefined
					: 'expected a message with a messageId',
			unknownOutcomeCheck: SEND_UNKNOWN_OUTCOME_CHECK,
			itemIndex,
		});
	});
}
