import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { showFor, updateDisplayOptions } from '../../../shared';
import { WEBENGAGE_BULK_LIMIT } from '../../transport';
import { sendInBulk } from '../common';
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

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await sendInBulk.call(this, items, {
		build: buildEvent,
		path: '/v1/accounts/{licenseCode}/bulk-events',
		listKey: 'events',
		summary: (entry) => ({ eventName: entry.eventName }),
		// No dedupe is documented for bulk events: a replay could record them twice.
		replaySafe: false,
		unknownOutcomeCheck:
			"look for these events in WebEngage's user profiles before tracking them again",
	});
}
