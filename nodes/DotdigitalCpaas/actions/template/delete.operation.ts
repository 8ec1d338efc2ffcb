import type { INodeProperties } from 'n8n-workflow';

import { defineOperation } from '../common';

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
];

export const { description, execute } = defineOperation({
	resource: 'template',
	operation: 'delete',
	method: 'DELETE',
	path: '/templates/{templateId}',
	fields,
});
