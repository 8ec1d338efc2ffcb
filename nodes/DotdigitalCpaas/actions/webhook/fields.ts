import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError, parseJsonArray } from '../../../shared';
import { requiredString } from '../common';

/** The webhook's settings, the same on Create and Update; `buildWebhook` reads them. */
export const webhookFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		description: 'A name for the webhook configuration, as the list shows it',
	},
	{
		displayName: 'URL',
		name: 'url',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. https://example.com/hook',
		description: 'Where events are delivered',
	},
	{
		displayName: 'Event Names or IDs',
		name: 'events',
		type: 'multiOptions',
		typeOptions: { loadOptionsMethod: 'getWebhookEvents' },
		required: true,
		default: [],
		description:
			'Events to subscribe to. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Batch',
				name: 'batch',
				type: 'boolean',
				default: false,
				description: 'Whether to deliver events in batches',
			},
			{
				displayName: 'Batch Timeout (Seconds)',
				name: 'batchTimeout',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 60 },
				default: 5,
				description: 'Longest wait before a partial batch is delivered',
			},
			{
				displayName: 'Filters (JSON)',
				name: 'filters',
				type: 'json',
				default: '[]',
				description:
					'Filters applied to every subscription, e.g. [{"name": "channel", "value": "sms"}]',
			},
			{
				displayName: 'Max Batch Size',
				name: 'maxBatchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 500 },
				default: 100,
				description: 'Most events in one delivery',
			},
			{
				displayName: 'Secret',
				name: 'secret',
				type: 'string',
				typeOptions: { password: true },
				default: '',
				description: 'Key for the X-Comapi-Signature HMAC on every delivery',
			},
		],
	},
];

/** `WebhookConfigurationCreateUpdate` from the fields of Create and Update. */
export function buildWebhook(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = this.getNode();
	const url = requiredString.call(this, 'url', 'URL', itemIndex);
	if (!/^https?:\/\/\S+$/i.test(url))
		throw inputError(node, `"URL" is not an http(s) URL: "${url}"`, { itemIndex });
	const events = this.getNodeParameter('events', itemIndex, []) as string[];
	if (!Array.isArray(events) || events.length === 0) {
		throw inputError(node, '"Event Names or IDs" needs at least one event', { itemIndex });
	}
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const filters =
		extra.filters !== undefined && extra.filters !== ''
			? parseJsonArray(node, extra.filters, 'Filters (JSON)', itemIndex)
			: [];
	const webhook: IDataObject = {
		name: requiredString.call(this, 'name', 'Name', itemIndex),
		url,
		subscriptions: events.map((type) => (filters.length ? { type, filters } : { type })),
	};
	if (extra.secret) webhook.secret = String(extra.secret);
	if (extra.batch !== undefined) webhook.batch = extra.batch;
	if (extra.batch && extra.maxBatchSize !== undefined) webhook.maxBatchSize = extra.maxBatchSize;
	if (extra.batch && extra.batchTimeout !== undefined) webhook.batchTimeout = extra.batchTimeout;
	return webhook;
}
