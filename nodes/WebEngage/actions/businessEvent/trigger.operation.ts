import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	processItems,
	requireValue,
	showFor,
	toOffsetDateTime,
	updateDisplayOptions,
} from '../../../shared';
import { webEngageBusinessRequest } from '../../transport';
import { keyValueOrJsonProperties, readKeyValueOrJson } from '../common';

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('businessEvent', 'trigger'),
	[
		{
			displayName: 'Event Name',
			name: 'eventName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Price Drop',
			description: 'Name of a business event that already has a definition (see Create Definition)',
		},
		...keyValueOrJsonProperties({
			name: 'eventData',
			displayName: 'Event Data',
			description: 'Values for the attributes of the event definition, by attribute name',
			jsonExample: '{\n  "productId": "P-1",\n  "price": 18.5\n}',
			entry: {
				keyDescription: 'Name of an attribute of the event definition (case-sensitive)',
				valueDescription:
					'Value of the attribute, of the data type the definition gives it. For numbers, booleans or dates use JSON.',
				keyPlaceholder: 'e.g. productId',
			},
		}),
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Event Time',
					name: 'eventTime',
					type: 'dateTime',
					default: '',
					description:
						'When the event happened; sent in WebEngage format (yyyy-MM-ddTHH:mm:ss±hhmm)',
				},
			],
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await processItems.call(this, items, async (i) => {
		const node = this.getNode();
		const eventName = requireValue(node, this.getNodeParameter('eventName', i), 'Event Name', i);
		const body: IDataObject = { eventName };
		const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
		if (extra.eventTime) body.eventTime = toOffsetDateTime(node, extra.eventTime, 'Event Time', i);
		body.eventData = readKeyValueOrJson.call(this, 'eventData', 'Event Data', i);
		// Not replayed after a 5xx: no dedupe key is documented for business events.
		const response = await webEngageBusinessRequest.call(this, {
			method: 'POST',
			path: '/v2/accounts/{licenseCode}/business/save-event',
			body,
			itemIndex: i,
		});
		return { eventName, ...((response.response as IDataObject | undefined) ?? {}) };
	});
}
