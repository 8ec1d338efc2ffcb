import type { INodeProperties } from 'n8n-workflow';

import { defineOperation } from '../common';

const fields: INodeProperties[] = [];

export const { description, execute } = defineOperation({
	resource: 'profile',
	operation: 'getImports',
	method: 'GET',
	path: '/profiles/imports',
	fields,
	list: true,
});
