import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError, parseJsonArray } from '../../../shared';
import { requiredString } from '../common';

/** `WebhookConfigurationCreateUpdate` from the fields of Create and Update. */
export function buildWebhook(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = this.getNode();
	const url = requiredString.call(this, 'url', 'URL', itemIndex);
	if (!/^https?:\/\/\S+$/i.test(url)) throw inputError(node, `"URL" is not an http(s) URL: "${url}"`, { itemIndex });
	const events = this.getNodeParameter('events', itemIndex, []) as string[];
	if (!Array.isArray(events) || events.length === 0) {
		throw inputError(node, '"Event Names or IDs" needs at least one event', { itemIndex });
	}
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const filters = extra.filters !== undefined && extra.filters !== '' ? parseJsonArray(node, extra.filters, 'Filters (JSON)', itemIndex) : [];
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
