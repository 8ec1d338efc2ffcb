import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, webhookLocator } from '../common';

const fields: INodeProperties[] = [webhookLocator()];

export const { description, execute } = defineOperation({
	resource: 'webhook',
	operation: 'delete',
	method: 'DELETE',
	path: '/webhooks/{webhookId}',
	fields,
});
