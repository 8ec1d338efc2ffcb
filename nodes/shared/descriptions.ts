import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

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
