import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, idField } from '../common';

const fields: INodeProperties[] = [idField('webhookId', 'Webhook ID', 'ID of the webhook')];

export const { description, execute } = defineOperation({
	resource: 'webhook',
	operation: 'delete',
	method: 'DELETE',
	path: '/webhooks/{webhookId}',
	fields,
});
