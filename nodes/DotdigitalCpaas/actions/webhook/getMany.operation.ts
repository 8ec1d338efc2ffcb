import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, includeDeletedOptions, WEBHOOK_OUTPUT } from '../common';

const fields: INodeProperties[] = [includeDeletedOptions('Whether to include deleted webhooks')];

export const { description, execute } = defineOperation({
	resource: 'webhook',
	operation: 'getMany',
	method: 'GET',
	path: '/webhooks',
	fields,
	list: true,
	output: WEBHOOK_OUTPUT,
});
