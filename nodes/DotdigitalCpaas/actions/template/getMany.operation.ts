import type { INodeProperties } from 'n8n-workflow';

import { defineOperation } from '../common';

const fields: INodeProperties[] = [];

export const { description, execute } = defineOperation({
	resource: 'template',
	operation: 'getMany',
	method: 'GET',
	path: '/templates',
	fields,
	list: true,
});
