import type { INodeProperties } from 'n8n-workflow';

import { defineOperation } from '../common';
import { buildTemplate, templateContentFields } from './fields';

const fields: INodeProperties[] = [
	{
		displayName: 'Template ID',
		name: 'newTemplateId',
		type: 'string',
		default: '',
		description: 'ID to give the template (letters, digits, - and _); generated when empty',
	},
	...templateContentFields,
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
