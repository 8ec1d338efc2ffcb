import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	checkJsonText,
	inputError,
	parseJsonObject,
	readText,
	toOffsetDateTime,
} from '../../../shared';
import {
	checkIdentity,
	keyValueOrJsonProperties,
	readKeyValueOrJson,
	RESERVED_PREFIX,
} from '../common';

/** The event fields shared by Track and Track Many. */
export const eventProperties: INodeProperties[] = [
	{
		displayName: 'Input Mode',
		name: 'inputMode',
		type: 'options',
		options: [
			{ name: 'Fields', value: 'fields', description: 'Set each event field in the node' },
			{
				name: 'JSON',
				value: 'json',
				description: 'Send a JSON event object (WebEngage field names)',
			},
		],
		default: 'fields',
	},
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		default: '',
		placeholder: 'e.g. johndoe',
		description: 'The user who did the event. Required unless an Anonymous ID is given.',
		displayOptions: { show: { inputMode: ['fields'] } },
	},
	{
		displayName: 'Event Name',
		name: 'eventName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Added to Cart',
		description: 'Shorter than 50 characters and not starting with "we_" (reserved by WebEngage)',
		displayOptions: { show: { inputMode: ['fields'] } },
	},
	{
		displayName: 'Event JSON',
		name: 'eventJson',
		type: 'json',
		default:
			'{\n  "userId": "johndoe",\n  "eventName": "Added to Cart",\n  "eventData": { "Price": 39.8 }\n}',
		description:
			'The event as WebEngage expects it; the name and event time are checked and converted',
		displayOptions: { show: { inputMode: ['json'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { inputMode: ['fields'] } },
		options: [
			{
				displayName: 'Anonymous ID',
				name: 'anonymousId',
				type: 'string',
				default: '',
				description: 'Used when there is no User ID; ignored by WebEngage when a User ID is sent',
			},
			{
				displayName: 'Event Time',
				name: 'eventTime',
				type: 'dateTime',
				default: '',
				description:
					'When the event happened; sent in WebEngage format (yyyy-MM-ddTHH:mm:ss±hhmm). Defaults to the time WebEngage receives it.',
			},
		],
	},
	...keyValueOrJsonProperties({
		name: 'eventData',
		displayName: 'Event Data',
		description: 'Attributes of the event, e.g. Product ID and Price',
		jsonExample: '{\n  "Product ID": 1337,\n  "Price": 39.8\n}',
	}).map((property) => ({
		...property,
		displayOptions: { show: { ...property.displayOptions?.show, inputMode: ['fields'] } },
	})),
];

/**
 * Builds and checks one event from item `i`: an identity and a name are required, the name must be
 * under 50 characters and not use the reserved `we_` prefix, and the time becomes WebEngage's format.
 */
export function buildEvent(this: IExecuteFunctions, i: number): IDataObject {
	const node = this.getNode();
	const mode = this.getNodeParameter('inputMode', i) as string;
	let event: IDataObject;
	if (mode === 'json') {
		event = { ...parseJsonObject(node, this.getNodeParameter('eventJson', i), 'Event JSON', i) };
	} else {
		event = {
			userId: this.getNodeParameter('userId', i, '') as string,
			eventName: this.getNodeParameter('eventName', i, '') as string,
			...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
		};
		const eventData = readKeyValueOrJson.call(this, 'eventData', 'Event Data', i);
		if (Object.keys(eventData).length > 0) event.eventData = eventData;
	}
	checkIdentity(node, event, i);
	const name = readText(node, event.eventName, 'Event Name', i, { required: true });
	if (name.length >= 50) {
		throw inputError(
			node,
			`"Event Name" must be shorter than 50 characters (it has ${name.length})`,
			{ itemIndex: i },
		);
	}
	if (name.startsWith(RESERVED_PREFIX)) {
		throw inputError(node, `"Event Name" "${name}" starts with the reserved prefix "we_"`, {
			itemIndex: i,
			description: 'WebEngage reserves we_ for its system events; rename the event',
		});
	}
	event.eventName = name;
	if (event.eventTime !== undefined)
		event.eventTime = toOffsetDateTime(node, event.eventTime, 'Event Time', i);
	if (event.eventData !== undefined) {
		const data = event.eventData;
		if (typeof data !== 'object' || Array.isArray(data)) {
			throw inputError(node, '"Event Data" must be an object', { itemIndex: i });
		}
		checkJsonText(node, data, 'Event Data', i);
		for (const key of Object.keys(data as IDataObject)) {
			if (key.startsWith(RESERVED_PREFIX)) {
				throw inputError(
					node,
					`"Event Data" attribute "${key}" starts with the reserved prefix "we_"`,
					{ itemIndex: i },
				);
			}
		}
	}
	return event;
}
