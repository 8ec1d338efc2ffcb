import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	AUTO_MAP_VALUE,
	autoMappingProperties,
	checkJsonText,
	inputError,
	parameterReader,
	parseJsonObject,
	readText,
	toOffsetDateTime,
} from '../../../shared';
import {
	checkIdentity,
	keyValueOrJsonProperties,
	mapRecord,
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
			{
				name: 'Map Automatically',
				value: AUTO_MAP_VALUE,
				description:
					"Take each input item's fields by name: userId, anonymousId, eventName and eventTime as such, every other field as event data",
			},
		],
		default: 'fields',
		description:
			'Where the event comes from: fields set in the node, one JSON object, or the input item itself',
	},
	{
		displayName: 'Event Name',
		name: 'autoEventName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Order Placed',
		description: 'The event name for items that have no eventName field',
		displayOptions: { show: { inputMode: [AUTO_MAP_VALUE] } },
	},
	...autoMappingProperties({ inputMode: [AUTO_MAP_VALUE] }),
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
		description:
			'Name of the event as WebEngage lists it: shorter than 50 characters and not starting with "we_" (reserved by WebEngage)',
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
		description:
			'Attributes of the event, e.g. Product ID and Price. WebEngage keeps at most 25 per data type, and the first value sent fixes the type.',
		jsonExample: '{\n  "Product ID": 1337,\n  "Price": 39.8\n}',
		entry: {
			keyDescription:
				'Attribute name: case-sensitive, under 50 characters, not starting with "we_"',
			valueDescription:
				'Attribute value; WebEngage truncates text over 1,000 characters. For numbers or booleans use JSON.',
			keyPlaceholder: 'e.g. Product ID',
		},
	}).map((property) => ({
		...property,
		displayOptions: { show: { ...property.displayOptions?.show, inputMode: ['fields'] } },
	})),
];

/** WebEngage's own event fields (https://docs.webengage.com/docs/rest-api-events); others are event data. */
export const EVENT_FIELDS: ReadonlySet<string> = new Set([
	'userId',
	'anonymousId',
	'eventName',
	'eventTime',
]);

/**
 * An event from an item's JSON (Map Automatically): WebEngage event fields by name, an `eventData`
 * object merged into the event data, every other field an event data attribute.
 */
const EVENT_MAPPING = {
	own: EVENT_FIELDS,
	extraKey: 'eventData',
	extraName: 'event data attribute',
	reservedHint: 'Rename the field or add it to Fields to Ignore',
};

/**
 * Builds and checks one event from item `i`: an identity and a name are required, the name must be
 * under 50 characters and not use the reserved `we_` prefix, and the time becomes WebEngage's format.
 */
export function buildEvent(this: IExecuteFunctions, i: number): IDataObject {
	const reader = parameterReader(this);
	const node = reader.node;
	const mode = reader.get('inputMode', i) as string;
	let event: IDataObject;
	if (mode === AUTO_MAP_VALUE) {
		event = mapRecord.call(this, reader.json(i), i, node, EVENT_MAPPING);
		if (event.eventName === undefined)
			event.eventName = reader.get('autoEventName', i, '') as string;
	} else if (mode === 'json') {
		event = { ...parseJsonObject(node, reader.get('eventJson', i), 'Event JSON', i) };
	} else {
		event = {
			userId: reader.get('userId', i, '') as string,
			eventName: reader.get('eventName', i, '') as string,
			...(reader.get('additionalFields', i, {}) as IDataObject),
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
		for (const key in data as IDataObject) {
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
