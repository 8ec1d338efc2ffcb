import type { INodeProperties } from 'n8n-workflow';

import { defineOperation } from '../common';

const fields: INodeProperties[] = [];

/**
 * Event templates (pre-defined groups of events). The OpenAPI (`webhook-api.json`) serves them at
 * `/webhooks/availabletemplates`; the older API reference index lists `/accesstokens/availabletemplates`.
 * The node follows the OpenAPI.
 */
export const { description, execute } = defineOperation({
	resource: 'webhook',
	operation: 'getAvailableTemplates',
	method: 'GET',
	path: '/webhooks/availabletemplates',
	fields,
});
