import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, TEMPLATE_OUTPUT } from '../common';

const fields: INodeProperties[] = [];

export const { description, execute } = defineOperation({
	resource: 'template',
	operation: 'getMany',
	method: 'GET',
	path: '/templates',
	fields,
	list: true,
	output: TEMPLATE_OUTPUT,
});
