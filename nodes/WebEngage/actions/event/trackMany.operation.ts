import type { IDataObject, IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import type { BatchEntry } from '../../../shared';
import { processInBatches, showFor, updateDisplayOptions } from '../../../shared';
import { WEBENGAGE_BULK_LIMIT, webEngageRequest } from '../../transport';
import { buildEvent, eventProperties } from './fields';

export const description: INodeProperties[] = updateDisplayOptions(showFor('event', 'trackMany'), [
	{
		displayName: `All input items are sent through the bulk API, ${WEBENGAGE_BULK_LIMIT} events per call`,
		name: 'bulkNotice',
		type: 'notice',
		default: '',
	},
	...eventProperties,
]);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await processInBatches.call(this, items, {
		batchSize: WEBENGAGE_BULK_LIMIT,
		prepare: (i: number) => buildEvent.call(this, i),
		send: async (chunk: Array<BatchEntry<IDataObject>>) => {
			const response = await webEngageRequest.call(this, {
				method: 'POST',
				path: '/v1/accounts/{licenseCode}/bulk-events',
				body: { events: chunk.map((c) => c.entry) },
				dedupe: true,
				itemIndex: chunk[0].itemIndex,
			});
			const status = (response.response as IDataObject | undefined)?.status ?? 'queued';
			return chunk.map(({ entry }) => ({
				userId: entry.userId ?? null,
				anonymousId: entry.anonymousId ?? null,
				eventName: entry.eventName,
				status,
				batchSize: chunk.length,
			}));
		},
	});
}
