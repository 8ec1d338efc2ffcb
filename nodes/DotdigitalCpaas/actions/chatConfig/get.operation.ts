import type { INodeProperties } from 'n8n-workflow';

import { defineOperation } from '../common';

const fields: INodeProperties[] = [];

export const { description, execute } = defineOperation({
	resource: 'chatConfig',
	operation: 'get',
	method: 'GET',
	path: '/chat/config',
	fields,
});
