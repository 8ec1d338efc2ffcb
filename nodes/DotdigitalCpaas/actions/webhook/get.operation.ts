import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, WEBHOOK_OUTPUT, webhookLocator } from '../common';

const fields: INodeProperties[] = [webhookLocator()];

export const { description, execute } = defineOperation({
	resource: 'webhook',
	operation: 'get',
	method: 'GET',
	path: '/webhooks/{webhookId}',
	fields,
	output: WEBHOOK_OUTPUT,
});
