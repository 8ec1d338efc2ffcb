import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, webhookLocator } from '../common';
import { buildWebhook, webhookFields } from './fields';

const fields: INodeProperties[] = [webhookLocator(), ...webhookFields];

export const { description, execute } = defineOperation({
	resource: 'webhook',
	operation: 'update',
	method: 'PUT',
	path: '/webhooks/{webhookId}',
	fields,
	body(i: number) {
		return buildWebhook.call(this, i);
	},
});
