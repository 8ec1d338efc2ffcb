import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, jsonField, templateLocator } from '../common';
import { buildTemplate } from './fields';

const fields: INodeProperties[] = [
	templateLocator(),
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '' },
	jsonField(
		'messageParts',
		'Message Parts (JSON)',
		'Parts of the template, each with a MIME type and data or url',
		'[\n  { "type": "text/plain", "data": "Hello {{profile.firstName}}" }\n]',
		true,
	),
	{ displayName: 'Description', name: 'templateDescription', type: 'string', default: '' },
];

export const { description, execute } = defineOperation({
	resource: 'template',
	operation: 'update',
	method: 'PUT',
	path: '/templates/{templateId}',
	fields,
	body(i: number) {
		return buildTemplate.call(this, i, false);
	},
});
