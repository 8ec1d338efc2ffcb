import type {
	IDisplayOptions,
	INodeListSearchItems,
	INodeListSearchResult,
	INodeProperties,
	INodePropertyMode,
} from 'n8n-workflow';

/**
 * Merges an operation's display conditions into each of its fields (n8n's own
 * `updateDisplayOptions`, which community packages cannot import).
 */
export function updateDisplayOptions(
	displayOptions: IDisplayOptions,
	properties: INodeProperties[],
): INodeProperties[] {
	return properties.map((property) => ({
		...property,
		displayOptions: {
			...property.displayOptions,
			show: { ...displayOptions.show, ...property.displayOptions?.show },
			...(displayOptions.hide || property.displayOptions?.hide
				? { hide: { ...displayOptions.hide, ...property.displayOptions?.hide } }
				: {}),
		},
	}));
}

/** Display conditions for one resource/operation pair. */
export function showFor(resource: string, operation: string): IDisplayOptions {
	return { show: { resource: [resource], operation: [operation] } };
}

/**
 * The node-level "Request Options" collection every node carries: today its Timeout (seconds),
 * read by the transport for each request (`requestTimeoutMs`). `defaultSeconds` is the vendor's.
 */
export function requestOptionsDescription(defaultSeconds: number): INodeProperties {
	return {
		displayName: 'Request Options',
		name: 'requestOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		options: [
			{
				displayName: 'Timeout (Seconds)',
				name: 'timeout',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 3600 },
				default: defaultSeconds,
				description: `How long to wait for the vendor to answer one request (default ${defaultSeconds}). After it the item fails, or the request is sent once more when a replay cannot act twice.`,
			},
		],
	};
}

export interface LocatorSpec {
	name: string;
	displayName: string;
	description: string;
	/** The node's `methods.listSearch` entry for "From list"; without it, no list mode. */
	searchListMethod?: string;
	/** Whether the list can be searched by text (sent to the method as `filter`). */
	searchable?: boolean;
	/** "By ID" placeholder, starting with "e.g.". */
	placeholder: string;
	/** A regex the whole ID must match in "By ID" mode, and the error shown otherwise. */
	idPattern?: { regex: string; message: string };
	/** A URL mode: the regex that finds the ID in a URL from the vendor's app (first group). */
	url?: { placeholder: string; regex: string; extract: string };
	/** Label of the "By ID" mode (e.g. "By Name" where the API addresses a thing by name). */
	idLabel?: string;
}

/**
 * A resource locator (n8n's "From list" / "By ID" / "By URL" picker). Its value is
 * `{ __rl: true, mode, value }`; a plain string (a workflow saved before the field was a locator)
 * is read the same way (`locatorValue`).
 */
export function resourceLocator(spec: LocatorSpec): INodeProperties {
	const modes: INodePropertyMode[] = [];
	if (spec.searchListMethod) {
		// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- a locator mode, not a parameter
		modes.push({
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: `Select a ${spec.displayName.replace(/ ID$/, '').toLowerCase()}...`,
			typeOptions: {
				searchListMethod: spec.searchListMethod,
				searchable: spec.searchable ?? true,
			},
		});
	}
	// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- a locator mode, not a parameter
	modes.push({
		displayName: spec.idLabel ?? 'By ID',
		name: 'id',
		type: 'string',
		placeholder: spec.placeholder,
		...(spec.idPattern
			? {
					validation: [
						{
							type: 'regex',
							properties: { regex: spec.idPattern.regex, errorMessage: spec.idPattern.message },
						},
					],
				}
			: {}),
	});
	if (spec.url) {
		// eslint-disable-next-line n8n-nodes-base/node-param-default-missing -- a locator mode, not a parameter
		modes.push({
			displayName: 'By URL',
			name: 'url',
			type: 'string',
			placeholder: spec.url.placeholder,
			validation: [
				{
					type: 'regex',
					properties: { regex: spec.url.regex, errorMessage: 'Not a valid URL' },
				},
			],
			extractValue: { type: 'regex', regex: spec.url.extract },
		});
	}
	return {
		displayName: spec.displayName.replace(/ ID$/, ''),
		name: spec.name,
		type: 'resourceLocator',
		required: true,
		default: { mode: modes[0].name, value: '' },
		description: spec.description,
		modes,
	};
}

/**
 * A list search answered from a whole list the API returns in one call: the entries whose name or
 * value contains `filter` (case-insensitive), sorted by name.
 */
export function searchInList(
	entries: INodeListSearchItems[],
	filter?: string,
): INodeListSearchResult {
	const needle = (filter ?? '').trim().toLowerCase();
	const results = entries
		.filter(
			(entry) =>
				!needle ||
				entry.name.toLowerCase().includes(needle) ||
				String(entry.value).toLowerCase().includes(needle),
		)
		.sort((a, b) => a.name.localeCompare(b.name));
	return { results };
}
