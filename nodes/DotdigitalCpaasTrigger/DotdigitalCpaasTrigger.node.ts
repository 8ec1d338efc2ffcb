import { randomBytes } from 'crypto';
import type {
	IDataObject,
	IHookFunctions,
	INode,
	ILoadOptionsFunctions,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeApiError, NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { dotdigitalRequest } from '../DotdigitalCpaas/transport';
import type { SeenEvents } from './events';
import { dedupeEvents, filterByName, splitEvents } from './events';
import { isValidSignature, SIGNATURE_HEADER } from './signature';

/** Upper bound on remembered event IDs, so the workflow's static data stays small. */
export const MAX_REMEMBERED_EVENTS = 5000;

interface WebhookStaticData extends IDataObject {
	webhookId?: string;
	webhookSecret?: string;
	seenEvents?: SeenEvents;
}

interface SubscriptionFilter {
	name: string;
	value: string;
}

function isNotFound(error: unknown): boolean {
	return String((error as { httpCode?: unknown })?.httpCode ?? '') === '404';
}

/** The shared core already throws redacted NodeApiErrors; anything else gets wrapped. */
function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error.message : String(error));
}

function selectedEvents(ctx: IHookFunctions): string[] {
	return [...new Set((ctx.getNodeParameter('events', []) as string[]).map(String))].sort();
}

function subscriptionFilters(ctx: IHookFunctions): SubscriptionFilter[] {
	const collection = ctx.getNodeParameter('subscriptionFilters', {}) as { filter?: SubscriptionFilter[] };
	return (collection.filter ?? [])
		.map((f) => ({ name: String(f.name ?? '').trim(), value: String(f.value ?? '').trim() }))
		.filter((f) => f.name !== '' && f.value !== '');
}

/** The subscriptions to register: every chosen event type with the same filters. */
function subscriptions(ctx: IHookFunctions): IDataObject[] {
	const filters = subscriptionFilters(ctx);
	return selectedEvents(ctx).map((type) => ({ type, filters: filters.map((f) => ({ ...f })) }));
}

function remoteEventTypes(hook: IDataObject): string[] {
	const subs = Array.isArray(hook.subscriptions) ? (hook.subscriptions as IDataObject[]) : [];
	return [...new Set(subs.map((s) => String(s.type)))].sort();
}

export class DotdigitalCpaasTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'dotdigital CPaaS Trigger',
		name: 'dotdigitalCpaasTrigger',
		icon: { light: 'file:../../icons/dotdigital.svg', dark: 'file:../../icons/dotdigital.dark.svg' },
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when dotdigital CPaaS sends message, profile or chat events',
		defaults: { name: 'dotdigital CPaaS Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dotdigitalCpaasApi', required: true }],
		webhooks: [{ name: 'default', httpMethod: 'POST', responseMode: 'onReceived', path: 'webhook' }],
		properties: [
			{
				displayName: 'Event Names or IDs',
				name: 'events',
				type: 'multiOptions',
				typeOptions: { loadOptionsMethod: 'getEvents' },
				required: true,
				default: [],
				description:
					'Event types to subscribe to. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Subscription Filters',
				name: 'subscriptionFilters',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				placeholder: 'Add Filter',
				default: {},
				description: 'Filters dotdigital applies to every chosen event type before sending it, e.g. channel = sms',
				options: [
					{
						displayName: 'Filter',
						name: 'filter',
						values: [
							{
								displayName: 'Name',
								name: 'name',
								type: 'string',
								default: 'channel',
								description: 'Filter name as listed by the available events endpoint, e.g. channel',
							},
							{
								displayName: 'Value',
								name: 'value',
								type: 'string',
								default: '',
								placeholder: 'e.g. sms',
							},
						],
					},
				],
			},
			{
				displayName: 'Batch Events',
				name: 'batch',
				type: 'boolean',
				default: true,
				description:
					'Whether dotdigital sends events in batches (recommended by dotdigital); each event still becomes one item',
			},
			{
				displayName: 'Max Batch Size',
				name: 'maxBatchSize',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 500 },
				displayOptions: { show: { batch: [true] } },
				default: 100,
				description: 'Largest number of events dotdigital puts in one delivery',
			},
			{
				displayName: 'Batch Timeout (Seconds)',
				name: 'batchTimeout',
				type: 'number',
				typeOptions: { minValue: 1, maxValue: 60 },
				displayOptions: { show: { batch: [true] } },
				default: 10,
				description: 'Longest time dotdigital holds an event before sending a batch',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
					{
						displayName: 'Dedupe Window (Minutes)',
						name: 'dedupeWindowMinutes',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: 1440,
						description:
							'How long an event ID is remembered so a redelivery of it is dropped; dotdigital retries for up to 24 hours. 0 turns this off.',
					},
					{
						displayName: 'Only Event Names or IDs',
						name: 'onlyEventNames',
						type: 'multiOptions',
						typeOptions: { loadOptionsMethod: 'getEvents' },
						default: [],
						description:
							'Start the workflow only for these event names; empty means every delivered event. Choose from the list, or specify IDs using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
					},
					{
						displayName: 'Webhook Name',
						name: 'webhookName',
						type: 'string',
						default: '',
						placeholder: 'e.g. n8n order notifications',
						description: 'Name of the webhook in dotdigital; defaults to one naming the workflow',
					},
				],
			},
		],
	};

	methods = {
		loadOptions: {
			async getEvents(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
				const response = (await dotdigitalRequest.call(this, {
					method: 'GET',
					path: '/webhooks/availableevents',
				})) as unknown;
				const list = Array.isArray(response) ? (response as IDataObject[]) : [];
				return list
					.filter((event) => typeof event.type === 'string')
					.map((event) => ({
						name: String(event.type),
						value: String(event.type),
						description: typeof event.description === 'string' ? event.description : undefined,
					}))
					.sort((a, b) => a.name.localeCompare(b.name));
			},
		},
	};

	webhookMethods = {
		default: {
			/** Read-only: the stored webhook exists remotely and still points here with the chosen events. */
			async checkExists(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as WebhookStaticData;
				if (!data.webhookId || !data.webhookSecret) return false;
				let hook: IDataObject;
				try {
					hook = await dotdigitalRequest.call(this, {
						method: 'GET',
						path: `/webhooks/${encodeURIComponent(data.webhookId)}`,
					});
				} catch (error) {
					if (isNotFound(error)) return false;
					throw asNodeError(this.getNode(), error);
				}
				if (hook.url !== this.getNodeWebhookUrl('default')) return false;
				if (typeof hook.secret === 'string' && hook.secret !== data.webhookSecret) return false;
				return remoteEventTypes(hook).join('\n') === selectedEvents(this).join('\n');
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as WebhookStaticData;
				const events = selectedEvents(this);
				if (events.length === 0) {
					throw new NodeOperationError(this.getNode(), 'Choose at least one event type in "Event Names or IDs"');
				}
				// A stored webhook that no longer matches this node is ours: replace it rather than orphan it.
				if (data.webhookId) {
					try {
						await dotdigitalRequest.call(this, {
							method: 'DELETE',
							path: `/webhooks/${encodeURIComponent(data.webhookId)}`,
						});
					} catch (error) {
						if (!isNotFound(error)) throw asNodeError(this.getNode(), error);
					}
					delete data.webhookId;
					delete data.webhookSecret;
				}
				const options = this.getNodeParameter('options', {}) as IDataObject;
				const batch = this.getNodeParameter('batch', true) as boolean;
				const secret = randomBytes(32).toString('hex');
				const body: IDataObject = {
					name: String(options.webhookName || `n8n workflow ${this.getWorkflow().id ?? ''}`).trim(),
					url: this.getNodeWebhookUrl('default'),
					secret,
					subscriptions: subscriptions(this),
					batch,
				};
				if (batch) {
					body.maxBatchSize = this.getNodeParameter('maxBatchSize', 100) as number;
					body.batchTimeout = this.getNodeParameter('batchTimeout', 10) as number;
				}
				const hook = await dotdigitalRequest.call(this, { method: 'POST', path: '/webhooks', body });
				if (typeof hook.id !== 'string' || hook.id === '') {
					throw new NodeOperationError(this.getNode(), 'dotdigital CPaaS did not return an ID for the new webhook');
				}
				data.webhookId = hook.id;
				data.webhookSecret = secret;
				data.seenEvents = {};
				return true;
			},

			/** Succeeds when the remote webhook is already gone; always forgets the id and secret then. */
			async delete(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as WebhookStaticData;
				if (data.webhookId) {
					try {
						await dotdigitalRequest.call(this, {
							method: 'DELETE',
							path: `/webhooks/${encodeURIComponent(data.webhookId)}`,
						});
					} catch (error) {
						if (!isNotFound(error)) return false;
					}
				}
				delete data.webhookId;
				delete data.webhookSecret;
				delete data.seenEvents;
				return true;
			},
		},
	};

	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject();
		const res = this.getResponseObject();
		const data = this.getWorkflowStaticData('node') as WebhookStaticData;

		const rawBody = (req as unknown as { rawBody?: Buffer }).rawBody;
		const signature = this.getHeaderData()[SIGNATURE_HEADER] as string | string[] | undefined;
		if (!isValidSignature(data.webhookSecret, rawBody, signature)) {
			res.status(401).send('Unauthorized').end();
			return { noWebhookResponse: true };
		}

		let body: unknown;
		try {
			body = JSON.parse((rawBody as Buffer).toString('utf8'));
		} catch {
			// Signed but not JSON: 400 tells dotdigital not to retry a delivery that can never parse.
			res.status(400).send('Bad Request').end();
			return { noWebhookResponse: true };
		}

		const options = this.getNodeParameter('options', {}) as IDataObject;
		const names = (options.onlyEventNames as string[] | undefined) ?? [];
		const windowMinutes = Number(options.dedupeWindowMinutes ?? 1440);
		const events = filterByName(splitEvents(body), names);
		const { fresh, duplicates, seen } = dedupeEvents(
			events,
			data.seenEvents,
			Date.now(),
			Math.max(0, windowMinutes) * 60_000,
			MAX_REMEMBERED_EVENTS,
		);
		data.seenEvents = seen;

		if (fresh.length === 0) {
			// Acknowledge so dotdigital stops retrying, but start no execution.
			return { webhookResponse: { received: events.length, duplicates: duplicates.length } };
		}
		return { workflowData: [this.helpers.returnJsonArray(fresh)] };
	}
}
