import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, jsonField, jsonObject } from '../common';

const fields: INodeProperties[] = [
	jsonField(
		'importOptions',
		'Import Options (JSON)',
		'Import job settings, e.g. format and field mapping',
		'{\n  "format": "csv"\n}',
		false,
	),
];

export const { description, execute } = defineOperation({
	resource: 'profile',
	operation: 'createImport',
	method: 'POST',
	path: '/profiles/import',
	fields,
	body(i: number) {
		return jsonObject.call(this, 'importOptions', 'Import Options (JSON)', i);
	},
});
