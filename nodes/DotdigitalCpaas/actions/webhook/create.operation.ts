import type { INodeProperties } from 'n8n-workflow';

import { defineOperation } from '../common';
import { buildWebhook } from './helpers';

const fields: INodeProperties[] = [
	{ displayName: 'Name', name: 'name', type: 'string', required: true, default: '', description: 'Name of the webhook' },
	{ displayName: 'URL', name: 'url', type: 'string', required: true, default: '', placeholder: 'https://example.com/hook', description: 'Where events are delivered' },
	{ displayName: 'Event Names or IDs', name: 'events', type: 'multiOptions', typeOptions: { loadOptionsMethod: 'getWebhookEvents' }, required: true, default: [], description: 'Events to subscribe to. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.' },
	{ displayName: 'Additional Fields', name: 'additionalFields', type: 'collection', placeholder: 'Add Field', default: {}, options: [{ displayName: 'Batch', name: 'batch', type: 'boolean', default: false, description: 'Whether to deliver events in batches' }, { displayName: 'Batch Timeout (Seconds)', name: 'batchTimeout', type: 'number', typeOptions: { minValue: 1, maxValue: 60 }, default: 5, description: 'Longest wait before a partial batch is delivered' }, { displayName: 'Filters (JSON)', name: 'filters', type: 'json', default: '[]', description: 'Filters applied to every subscription, e.g. [{"name": "channel", "value": "sms"}]' }, { displayName: 'Max Batch Size', name: 'maxBatchSize', type: 'number', typeOptions: { minValue: 1, maxValue: 500 }, default: 100, description: 'Most events in one delivery' }, { displayName: 'Secret', name: 'secret', type: 'string', typeOptions: { password: true }, default: '', description: 'Key for the X-Comapi-Signature HMAC on every delivery' }] },
];

export const { description, execute } = defineOperation({
	resource: 'webhook',
	operation: 'create',
	method: 'POST',
	path: '/webhooks',
	fields,
	body(i: number) { return buildWebhook.call(this, i); },
});
