import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { optionsQuery } from '../../../shared';
import { defineOperation, splitList } from '../common';

const fields: INodeProperties[] = [
	{
		displayName: 'Format',
		name: 'format',
		type: 'options',
		options: [
			{ name: 'CSV', value: 'csv' },
			{ name: 'JSON', value: 'json' },
		],
		default: 'json',
		description: 'File format of the export: CSV rows or a JSON array of profiles',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Query',
				name: 'query',
				type: 'string',
				default: '',
				description:
					"Filter in mongo-querystring form, e.g. email=jane@example.com; wrap a numeric value meant as text in single quotes, e.g. phoneNumber='447700900123'.",
			},
			{
				displayName: 'Fields',
				name: 'fields',
				type: 'string',
				default: '',
				description: 'Comma-separated fields to export',
			},
			{
				displayName: 'Field Separator',
				name: 'fieldSeparator',
				type: 'string',
				default: '',
				description: 'Character between the fields of a CSV export, e.g. a comma or a semicolon',
			},
			{
				displayName: 'Include Headers',
				name: 'includeHeaders',
				type: 'boolean',
				default: false,
				description: 'Whether a CSV export starts with a header row',
			},
		],
	},
];

export const { description, execute } = defineOperation({
	resource: 'profile',
	operation: 'export',
	method: 'POST',
	path: '/profiles/export',
	fields,
	query(i: number) {
		const { query } = optionsQuery.call(this, i);
		return query ? { query } : undefined;
	},
	body(i: number) {
		const o = optionsQuery.call(this, i);
		return {
			format: this.getNodeParameter('format', i) as string,
			...(o.fields ? { fields: splitList(o.fields) } : {}),
			...(o.fieldSeparator ? { fieldSeparator: o.fieldSeparator } : {}),
			...(o.includeHeaders !== undefined ? { includeHeaders: o.includeHeaders } : {}),
		};
	},
	idempotent: true,
	result(response: unknown) {
		return Array.isArray(response)
			? (response as IDataObject[])
			: typeof response === 'string'
				? { data: response }
				: (response as IDataObject);
	},
});
