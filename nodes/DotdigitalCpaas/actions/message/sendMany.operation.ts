import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { BatchEntry } from '../../../shared';
import {
	processInBatches,
	showFor,
	unknownOutcomeError,
	updateDisplayOptions,
} from '../../../shared';
import {
	DOTDIGITAL_BATCH_LIMIT,
	DOTDIGITAL_BATCH_MAX_BYTES,
	dotdigitalRequest,
} from '../../transport';
import { buildMessage, messageProperties } from './fields';

export const description: INodeProperties[] = updateDisplayOptions(showFor('message', 'sendMany'), [
	{
		displayName: `All input items are sent through the batch API, up to ${DOTDIGITAL_BATCH_LIMIT} messages and 10 MB per call`,
		name: 'batchNotice',
		type: 'notice',
		default: '',
	},
	...messageProperties,
]);

/**
 * dotdigital offers no dedupe key, no client reference and no lookup other than by its own message
 * ID, so nothing makes a re-send safe: a batch whose answer is lost gets an unknown outcome.
 */
export const SEND_UNKNOWN_OUTCOME_CHECK =
	'dotdigital has no dedupe key for sends; look the recipient up in Message History (Get Many) or in the message.* webhook events before sending again';

/** The 202 answer of /messages/batch: `[{index, messageId}]`, one entry per message sent. */
function expectBatchAnswer(size: number) {
	return (body: unknown): string | undefined => {
		if (!Array.isArray(body)) return 'expected a JSON array of {index, messageId}';
		if (body.length === 0 && size > 0)
			return 'expected a JSON array of {index, messageId}, got an empty one';
		return undefined;
	};
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	return await processInBatches.call(this, items, {
		batchSize: DOTDIGITAL_BATCH_LIMIT,
		maxBatchBytes: DOTDIGITAL_BATCH_MAX_BYTES,
		prepare: (itemIndex: number) => buildMessage.call(this, itemIndex),
		send: async (chunk: Array<BatchEntry<IDataObject>>) => {
			// Not replayed after a 5xx or a broken connection (no dedupe key exists): the chunk's items get
			// an unknown outcome. A 429 is safe to retry.
			const response = (await dotdigitalRequest.call(this, {
				method: 'POST',
				path: '/messages/batch',
				body: chunk.map((c) => c.entry),
				expect: expectBatchAnswer(chunk.length),
				unknownOutcomeCheck: SEND_UNKNOWN_OUTCOME_CHECK,
				itemIndex: chunk[0].itemIndex,
			})) as unknown as Array<{ index?: number; messageId?: string }>;
			const byIndex = new Map<number, string>();
			for (const entry of response) {
				if (typeof entry?.index === 'number' && entry.messageId)
					byIndex.set(entry.index, entry.messageId);
			}
			return chunk.map(({ entry, itemIndex }, position) => {
				const messageId = byIndex.get(position);
				if (!messageId) {
					// dotdigital accepted the batch (202) but named no message for this entry.
					return unknownOutcomeError(node, {
						vendor: 'dotdigital CPaaS',
						cause: `HTTP 202 without a message ID for batch position ${position}`,
						check: SEND_UNKNOWN_OUTCOME_CHECK,
						itemIndex,
					});
				}
				return { messageId, to: entry.to, rules: entry.rules, status: 'accepted' };
			});
		},
	});
}
