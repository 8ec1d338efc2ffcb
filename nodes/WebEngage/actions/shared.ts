import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { keyValuesToObject, parseJsonObject } from '../../shared';

/**
 * A set of name/value pairs the user enters either as a list in the node or as one JSON object
 * (event data, context tokens, business event data). `name` prefixes the three parameters.
 */
export function keyValueOrJsonProperties(options: {
	name: string;
	displayName: string;
	description: string;
	jsonExample: string;
}): INodeProperties[] {
	const { name, displayName, description, jsonExample } = options;
	return [
		{
			displayName: `${displayName} Input`,
			name: `${name}Mode`,
			type: 'options',
			options: [
				{ name: 'JSON', value: 'json', description: 'One JSON object; keeps numbers, booleans, arrays and objects' },
				{ name: 'Name / Value Pairs', value: 'keyValue', description: 'A list of names and values' },
			],
			default: 'keyValue',
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
						{ displayName: 'Name', name: 'key', type: 'string', default: '' },
						{ displayName: 'Value', name: 'value', type: 'string', default: '' },
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
export function readKeyValueOrJson(this: IExecuteFunctions, name: string, displayName: string, i: number): IDataObject {
	const mode = this.getNodeParameter(`${name}Mode`, i, 'keyValue') as string;
	if (mode === 'json') {
		return parseJsonObject(this.getNode(), this.getNodeParameter(`${name}Json`, i, '{}'), `${displayName} (JSON)`, i);
	}
	return keyValuesToObject(this.getNodeParameter(`${name}Values`, i, {}));
}

/** Names WebEngage reserves for itself: it silently drops custom names starting with `we_`. */
export const RESERVED_PREFIX = 'we_';
