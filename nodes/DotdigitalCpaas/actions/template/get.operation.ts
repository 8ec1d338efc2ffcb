import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, TEMPLATE_OUTPUT, templateLocator } from '../common';

const fields: INodeProperties[] = [templateLocator()];

export const { description, execute } = defineOperation({
	resource: 'template',
	operation: 'get',
	method: 'GET',
	path: '/templates/{templateId}',
	fields,
	output: TEMPLATE_OUTPUT,
});
