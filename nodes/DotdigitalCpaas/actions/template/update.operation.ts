import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, jsonField } from '../common';
import { buildTemplate } from './fields';

const fields: INodeProperties[] = [
	{
		displayName: 'Template Name or ID',
		name: 'templateId',
		type: 'options',
		typeOptions: { loadOptionsMethod: 'getTemplates' },
		required: true,
		default: '',
		description:
			'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
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
	operation: 'update',
	method: 'PUT',
	path: '/templates/{templateId}',
	fields,
	body(i: number) {
		return buildTemplate.call(this, i, false);
	},
});
