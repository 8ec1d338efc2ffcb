import { defineOperation } from '../common';
import { buildWebhook, webhookFields } from './fields';

export const { description, execute } = defineOperation({
	resource: 'webhook',
	operation: 'create',
	method: 'POST',
	path: '/webhooks',
	fields: webhookFields,
	body(i: number) {
		return buildWebhook.call(this, i);
	},
});
