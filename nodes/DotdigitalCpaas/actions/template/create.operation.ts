import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, jsonField } from '../common';
import { buildTemplate } from './fields';

const fields: INodeProperties[] = [
	{
		displayName: 'Template ID',
		name: 'newTemplateId',
		type: 'string',
		default: '',
		description: 'ID to give the template (letters, digits, - and _); generated when empty',
	},
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
	operation: 'create',
	method: 'POST',
	path: '/templates',
	fields,
	body(i: number) {
		return buildTemplate.call(this, i, true);
	},
});
