import type { IDataObject, ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';

import { dotdigitalRequest } from '../transport';

function asList(body: unknown): IDataObject[] {
	return Array.isArray(body) ? (body as IDataObject[]) : [];
}

/** Templates of the API space, for the template pickers. */
export async function getTemplates(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const templates = asList(
		await dotdigitalRequest.call(this, { method: 'GET', path: '/templates' }),
	);
	return templates
		.filter((t) => t.id !== undefined)
		.map((t) => ({
			name: String(t.name ?? t.id),
			value: String(t.id),
			description: t.description ? String(t.description) : undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Event types the account can subscribe to, from `/webhooks/availableevents`. */
export async function getWebhookEvents(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const events = asList(
		await dotdigitalRequest.call(this, { method: 'GET', path: '/webhooks/availableevents' }),
	);
	return events
		.filter((e) => typeof e.type === 'string')
		.map((e) => ({
			name: String(e.type),
			value: String(e.type),
			description: e.description ? String(e.description) : undefined,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
}
