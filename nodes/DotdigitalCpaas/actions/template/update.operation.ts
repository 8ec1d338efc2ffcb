import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, templateLocator } from '../common';
import { buildTemplate, templateContentFields } from './fields';

const fields: INodeProperties[] = [templateLocator(), ...templateContentFields];

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
