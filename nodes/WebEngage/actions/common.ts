import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { BatchEntry } from '../../shared';
import {
	fieldMapping,
	forEachMappedField,
	inputError,
	keyValuesToObject,
	parameterReader,
	parseJsonObject,
	processInBatches,
	readText,
} from '../../shared';
import {
	expectQueued,
	WEBENGAGE_BULK_CONCURRENCY,
	WEBENGAGE_BULK_LIMIT,
	webEngageRequest,
} from '../transport';

/**
 * A set of name/value pairs the user enters either as a list in the node or as one JSON object
 * (event data, context tokens, business event data). `name` prefixes the three parameters.
 */
export function keyValueOrJsonProperties(options: {
	name: string;
	displayName: string;
	description: string;
	jsonExample: string;
	/** What the name and the value of one pair are (descriptions), and a placeholder for the name. */
	entry: { keyDescription: string; valueDescription: string; keyPlaceholder: string };
}): INodeProperties[] {
	const { name, displayName, description, jsonExample, entry } = options;
	return [
		{
			displayName: `${displayName} Input`,
			name: `${name}Mode`,
			type: 'options',
			options: [
				{
					name: 'JSON',
					value: 'json',
					description: 'One JSON object; keeps numbers, booleans, arrays and objects',
				},
				{
					name: 'Name / Value Pairs',
					value: 'keyValue',
					description: 'A list of names and values',
				},
			],
			default: 'keyValue',
			description: `How the ${displayName.toLowerCase()} is given: a list of names and values, or one JSON object`,
		},
		{
			displayName,
			name: `${name}Values`,
			type: 'fixedCollection',
			placeholder: 'Add Value',
			typeOptions: { multipleValues: true },
			default: {},
			description,
			displayOptions: { show: { [`${name}Mode`]: ['keyValue'] } },
			options: [
				{
					displayName: 'Value',
					name: 'values',
					values: [
						{
							displayName: 'Name',
							name: 'key',
							type: 'string',
							default: '',
							placeholder: entry.keyPlaceholder,
							description: entry.keyDescription,
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description: entry.valueDescription,
						},
					],
				},
			],
		},
		{
			displayName: `${displayName} (JSON)`,
			name: `${name}Json`,
			type: 'json',
			default: jsonExample,
			description,
			displayOptions: { show: { [`${name}Mode`]: ['json'] } },
		},
	];
}

/** Reads what `keyValueOrJsonProperties` describes, for item `i`. */
export function readKeyValueOrJson(
	this: IExecuteFunctions,
	name: string,
	displayName: string,
	i: number,
): IDataObject {
	const reader = parameterReader(this);
	const mode = reader.get(`${name}Mode`, i, 'keyValue') as string;
	if (mode === 'json') {
		return parseJsonObject(
			reader.node,
			reader.get(`${name}Json`, i, '{}'),
			`${displayName} (JSON)`,
			i,
		);
	}
	return keyValuesToObject(reader.get(`${name}Values`, i, {}));
}

/** Names WebEngage reserves for itself: it silently drops custom names starting with `we_`. */
export const RESERVED_PREFIX = 'we_';

/**
 * A user or event from an item's JSON (Map Automatically): WebEngage's own fields by name, an object
 * under `extraKey` (`attributes`, `eventData`) merged into the extra fields, every other field an extra
 * field (`extraName` in errors, e.g. "custom attribute"). Nulls are left out (a CRM's empty column).
 */
export function mapRecord(
	this: IExecuteFunctions,
	json: IDataObject,
	i: number,
	node: INode,
	options: { own: ReadonlySet<string>; extraKey: string; extraName: string; reservedHint: string },
): IDataObject {
	const record: IDataObject = {};
	let extra: IDataObject | undefined;
	forEachMappedField(node, json, fieldMapping(this, i), i, (name, value, inputName) => {
		// A CRM's empty column is not sent: WebEngage would store null.
		if (value === null) return;
		if (options.own.has(name)) {
			record[name] = value as IDataObject[string];
		} else if (name === options.extraKey && typeof value === 'object' && !Array.isArray(value)) {
			extra = Object.assign(extra ?? {}, value as IDataObject);
		} else {
			if (name.startsWith(RESERVED_PREFIX)) {
				throw inputError(
					node,
					`Input field "${inputName}" would be the ${options.extraName} "${name}", which starts with the reserved prefix "we_"`,
					{ itemIndex: i, description: options.reservedHint },
				);
			}
			(extra ??= {})[name] = value as IDataObject[string];
		}
	});
	if (extra !== undefined) record[options.extraKey] = extra;
	return record;
}

/**
 * Drops empty values from a user or event, then checks the identity WebEngage needs on both: a
 * User ID or an Anonymous ID, each at most 100 characters.
 */
export function checkIdentity(node: INode, record: IDataObject, i: number): void {
	for (const key in record) {
		if (record[key] === '' || record[key] === undefined || record[key] === null) delete record[key];
	}
	for (let n = 0; n < IDENTITY_FIELDS.length; n++) {
		const [id, label] = IDENTITY_FIELDS[n];
		if (record[id] === undefined) continue;
		const text = readText(node, record[id], label, i, { maxLength: 100 });
		if (text === '') delete record[id];
		else record[id] = text;
	}
	if (!record.userId && !record.anonymousId) {
		throw inputError(node, 'Either "User ID" or "Anonymous ID" is required', {
			itemIndex: i,
			description: 'Map a user ID from the input, e.g. {{ $json.id }}',
		});
	}
}

const IDENTITY_FIELDS: ReadonlyArray<readonly [string, string]> = [
	['userId', 'User ID'],
	['anonymousId', 'Anonymous ID'],
];

const recordKey = (kind: string, id: unknown) =>
	id === undefined || id === null || id === '' ? undefined : `${kind}:${String(id)}`;

/**
 * Sends every item through a bulk endpoint, WEBENGAGE_BULK_LIMIT records per call; each item gets
 * its identity, the queue status and the batch size. WebEngage documents no dedupe for the bulk
 * endpoints, so a call is replayed after a 5xx or a broken connection only when `replaySafe` (an
 * upsert); otherwise its items get an unknown outcome.
 */
export async function sendInBulk(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	options: {
		build: (this: IExecuteFunctions, i: number) => IDataObject;
		path: string;
		/** Body key holding the list, e.g. `users` or `events`. */
		listKey: string;
		/** Extra output fields taken from the sent record. */
		summary?: (entry: IDataObject) => IDataObject;
		/** Whether sending the same call twice leaves the same state (bulk users: an upsert). */
		replaySafe: boolean;
		/** How a user checks an unknown outcome. */
		unknownOutcomeCheck: string;
	},
): Promise<INodeExecutionData[]> {
	return await processInBatches.call(this, items, {
		batchSize: WEBENGAGE_BULK_LIMIT,
		// Two calls in flight keep the vendor busy while n8n builds the next call; a user's records never
		// travel in two calls at once, so their writes keep input order.
		concurrency: WEBENGAGE_BULK_CONCURRENCY,
		conflictKeys: (entry) => [
			recordKey('user', entry.userId),
			recordKey('anonymous', entry.anonymousId),
		],
		prepare: (i: number) => options.build.call(this, i),
		send: async (chunk: Array<BatchEntry<IDataObject>>) => {
			const response = await webEngageRequest.call(this, {
				method: 'POST',
				path: options.path,
				body: { [options.listKey]: chunk.map((c) => c.entry) },
				// One x-request-id per call, as on the single calls; WebEngage does not document it for bulk
				// calls, so the replay decision never relies on it.
				dedupe: true,
				idempotent: options.replaySafe,
				expect: expectQueued,
				unknownOutcomeCheck: options.unknownOutcomeCheck,
				itemIndex: chunk[0].itemIndex,
			});
			const status = (response.response as IDataObject).status;
			return chunk.map(({ entry }) => ({
				userId: entry.userId ?? null,
				anonymousId: entry.anonymousId ?? null,
				...options.summary?.(entry),
				status,
				batchSize: chunk.length,
			}));
		},
	});
}
