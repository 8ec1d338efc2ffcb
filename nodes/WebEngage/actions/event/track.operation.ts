import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { processItems, showFor, updateDisplayOptions } from '../../../shared';
import { expectQueued, webEngageRequest } from '../../transport';
import { buildEvent, eventProperties } from './fields';

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('event', 'track'),
	eventProperties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await processItems.call(this, items, async (i) => {
		const event = buildEvent.call(this, i);
		const response = await webEngageRequest.call(this, {
			method: 'POST',
			path: '/v1/accounts/{licenseCode}/events',
			body: event,
			dedupe: true,
			expect: expectQueued,
			itemIndex: i,
		});
		return {
			userId: event.userId ?? null,
			anonymousId: event.anonymousId ?? null,
			eventName: event.eventName,
			...(response.response as object),
		};
	});
}
