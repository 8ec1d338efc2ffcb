import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { BatchEntry } from '../../../shared';
import { processInBatches, showFor, updateDisplayOptions } from '../../../shared';
import { DOTDIGITAL_BATCH_LIMIT, DOTDIGITAL_BATCH_MAX_BYTES, dotdigitalRequest } from '../../transport';
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

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await processInBatches.call(this, items, {
		batchSize: DOTDIGITAL_BATCH_LIMIT,
		maxBatchBytes: DOTDIGITAL_BATCH_MAX_BYTES,
		prepare: (itemIndex: number) => buildMessage.call(this, itemIndex),
		send: async (chunk: Array<BatchEntry<IDataObject>>) => {
			// Not replayed after a 5xx or a broken connection (no dedupe key exists); a 429 is safe to retry.
			const response = (await dotdigitalRequest.call(this, {
				method: 'POST',
				path: '/messages/batch',
				body: chunk.map((c) => c.entry),
				itemIndex: chunk[0].itemIndex,
			})) as unknown as Array<{ index?: number; messageId?: string }>;
			const byIndex = new Map<number, string>();
			for (const entry of Array.isArray(response) ? response : []) {
				if (typeof entry?.index === 'number' && entry.messageId) byIndex.set(entry.index, entry.messageId);
			}
			return chunk.map(({ entry }, position) => {
				const messageId = byIndex.get(position);
				if (!messageId) return new Error(`dotdigital CPaaS returned no message ID for this message (batch position ${position})`);
				return { messageId, to: entry.to, rules: entry.rules, status: 'accepted' };
			});
		},
	});
}
