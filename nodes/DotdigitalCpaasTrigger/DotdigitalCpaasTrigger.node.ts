import { randomBytes } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	ILoadOptionsFunctions,
	INodePropertyOptions,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { dotdigitalRequest } from '../DotdigitalCpaas/transport';
import { asNodeError, failedItems } from '../shared';
import {
	eventKey,
	filterByName,
	forgetRecentEvents,
	inOrder,
	recentEventsOf,
	splitEvents,
} from './events';
import { withWorkflowLock } from './lock';
import { deriveWebhookSecret } from './secret';
import { isValidSignature, SIGNATURE_HEADER } from './signature';

/** Default number of event IDs remembered for replay protection. */
export const DEFAULT_REMEMBERED_EVENTS = 10000;

/**
 * What the trigger keeps in the workflow's static data: nothing secret. `webhookSecret` and
 * `seenEvents` are what earlier versions kept; they are removed on the next activation.
 */
interface WebhookStaticData extends IDataObject {
	webhookId?: string;
	secretNonce?: string;
	webhookSecret?: string;
	seenEvents?: IDataObject;
}

type RawRequest = { rawBody?: Buffer; readRawBody?: () => Promise<void> };

const CREDENTIAL_TYPE = 'dotdigitalCpaasApi';

interface SubscriptionFilter {
	name: string;
	value: string;
}

function isNotFound(error: unknown): boolean {
	return String((error as { httpCode?: unknown })?.httpCode ?? '') === '404';
}

async function credentialsOf(
	ctx: IHookFunctions | IWebhookFunctions,
): Promise<ICredentialDataDecryptedObject | undefined> {
	try {
		return await ctx.getCredentials<ICredentialDataDecryptedObject>(CREDENTIAL_TYPE);
	} catch {
		return undefined;
	}
}

/** How long a derived secret is reused in process memory before the credential is read again. */
export const SECRET_REUSE_MS = 60_000;
const derivedSecrets = new Map<string, { secret: string; at: number }>();

/**
 * The secret of the stored registration, derived from the credential; never stored anywhere but,
 * for deliveries, in this process's memory for up to a minute, which spares the credential read
 * (a database query) on the answer path of busy webhooks.
 */
async function webhookSecret(
	ctx: IHookFunctions | IWebhookFunctions,
	data: WebhookStaticData,
	reuse = false,
): Promise<string | undefined> {
	if (!data.webhookId || !data.secretNonce) return undefined;
	const identity = {
		workflowId: ctx.getWorkflow().id,
		nodeWebhookId: ctx.getNode().webhookId,
		nonce: data.secretNonce,
	};
	const key = `${identity.workflowId ?? ''}:${identity.nodeWebhookId ?? ''}:${identity.nonce}`;
	const now = Date.now();
	const known = derivedSecrets.get(key);
	if (reuse && known && now - known.at < SECRET_REUSE_MS) return known.secret;
	const secret = deriveWebhookSecret(await credentialsOf(ctx), identity);
	if (secret && reuse) {
		for (const [k, v] of derivedSecrets)
			if (now - v.at >= SECRET_REUSE_MS) derivedSecrets.delete(k);
		derivedSecrets.set(key, { secret, at: now });
	} else {
		derivedSecrets.delete(key);
	}
	return secret;
}

function forgetRegistration(data: WebhookStaticData): void {
	delete data.webhookId;
	delete data.secretNonce;
	delete data.webhookSecret;
	delete data.seenEvents;
}

/** Key of one trigger node's replay memory in this process. */
function triggerKey(ctx: IHookFunctions | IWebhookFunctions | IExecuteFunctions): string {
	return `${ctx.getWorkflow().id ?? ''}:${ctx.getNode().id}`;
}

function rememberedEvents(settings: IDataObject): number {
	const value = Number(settings.rememberEvents ?? DEFAULT_REMEMBERED_EVENTS);
	return Number.isFinite(value) ? Math.max(0, Math.floor(value)) : DEFAULT_REMEMBERED_EVENTS;
}

function selectedEvents(ctx: IHookFunctions): string[] {
	return [...new Set((ctx.getNodeParameter('events', []) as string[]).map(String))].sort();
}

function subscriptionFilters(ctx: IHookFunctions): SubscriptionFilter[] {
	const collection = ctx.getNodeParameter('subscriptionFilters', {}) as {
		filter?: SubscriptionFilter[];
	};
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
		icon: {
			light: 'file:../../icons/dotdigital.svg',
			dark: 'file:../../icons/dotdigital.dark.svg',
		},
		group: ['trigger'],
		version: 1,
		subtitle: '={{$parameter["events"].join(", ")}}',
		description: 'Starts the workflow when dotdigital CPaaS sends message, profile or chat events',
		defaults: { name: 'dotdigital CPaaS Trigger' },
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dotdigitalCpaasApi', required: true }],
		// responseData '' makes n8n answer with the `webhookResponse` that webhook() returns.
		webhooks: [
			{
				name: 'default',
				httpMethod: 'POST',
				responseMode: 'onReceived',
				responseData: '',
				path: 'webhook',
			},
		],
		properties: [
			{
				// Not shown. n8n parses a JSON body before webhook() runs and answers 422 when it cannot;
				// for version-1 trigger nodes whose options.binaryData is set it leaves the body unread
				// (the Webhook node's Raw Body mechanism), so webhook() verifies the raw bytes and answers
				// 400 itself to a signed body that is not JSON.
				displayName: 'Raw Body',
				name: 'options',
				type: 'hidden',
				default: { binaryData: true },
			},
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
				description:
					'Filters dotdigital applies to every chosen event type before sending it, e.g. channel = sms',
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
				name: 'settings',
				type: 'collection',
				placeholder: 'Add Option',
				default: {},
				options: [
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
						displayName: 'Remember Event IDs',
						name: 'rememberEvents',
						type: 'number',
						typeOptions: { minValue: 0 },
						default: DEFAULT_REMEMBERED_EVENTS,
						description:
							'How many of the latest event IDs are remembered so that a redelivery (dotdigital retries for up to 24 hours) never reaches the workflow twice. 0 turns replay protection off.',
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
				const secret = await webhookSecret(this, data);
				if (!data.webhookId || !secret) return false;
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
				// When dotdigital shows the secret, it must be the one this credential derives.
				if (typeof hook.secret === 'string' && hook.secret !== secret) return false;
				return remoteEventTypes(hook).join('\n') === selectedEvents(this).join('\n');
			},

			async create(this: IHookFunctions): Promise<boolean> {
				const data = this.getWorkflowStaticData('node') as WebhookStaticData;
				const events = selectedEvents(this);
				if (events.length === 0) {
					throw new NodeOperationError(
						this.getNode(),
						'Choose at least one event type in "Event Names or IDs"',
					);
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
				}
				forgetRegistration(data);
				const nonce = randomBytes(16).toString('hex');
				const secret = deriveWebhookSecret(await credentialsOf(this), {
					workflowId: this.getWorkflow().id,
					nodeWebhookId: this.getNode().webhookId,
					nonce,
				});
				if (!secret) {
					throw new NodeOperationError(
						this.getNode(),
						'Cannot derive the webhook secret: the credential has no password or access token, or the workflow is not saved yet',
					);
				}
				const settings = this.getNodeParameter('settings', {}) as IDataObject;
				const batch = this.getNodeParameter('batch', true) as boolean;
				const body: IDataObject = {
					name: String(
						settings.webhookName || `n8n workflow ${this.getWorkflow().id ?? ''}`,
					).trim(),
					url: this.getNodeWebhookUrl('default'),
					secret,
					subscriptions: subscriptions(this),
					batch,
				};
				if (batch) {
					body.maxBatchSize = this.getNodeParameter('maxBatchSize', 100) as number;
					body.batchTimeout = this.getNodeParameter('batchTimeout', 10) as number;
				}
				const hook = await dotdigitalRequest.call(this, {
					method: 'POST',
					path: '/webhooks',
					body,
				});
				if (typeof hook.id !== 'string' || hook.id === '') {
					throw new NodeOperationError(
						this.getNode(),
						'dotdigital CPaaS did not return an ID for the new webhook',
					);
				}
				data.webhookId = hook.id;
				data.secretNonce = nonce;
				return true;
			},

			/** Succeeds when the remote webhook is already gone; always forgets the registration then. */
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
				forgetRegistration(data);
				forgetRecentEvents(triggerKey(this));
				return true;
			},
		},
	};

	/**
	 * Answers the delivery; kept short (dotdigital waits 10 seconds): verify, parse, drop what this
	 * process saw already, answer. What is left starts an execution, whose first step is execute().
	 */
	async webhook(this: IWebhookFunctions): Promise<IWebhookResponseData> {
		const req = this.getRequestObject() as unknown as RawRequest;
		const res = this.getResponseObject();
		const data = this.getWorkflowStaticData('node') as WebhookStaticData;

		if (req.rawBody === undefined && typeof req.readRawBody === 'function') await req.readRawBody();
		const rawBody = req.rawBody;
		const signature = this.getHeaderData()[SIGNATURE_HEADER] as string | string[] | undefined;
		if (!isValidSignature(await webhookSecret(this, data, true), rawBody, signature)) {
			res.status(401).send('Unauthorized').end();
			return { noWebhookResponse: true };
		}

		let body: unknown;
		try {
			body = JSON.parse((rawBody as Buffer).toString('utf8'));
		} catch {
			// Signed but not JSON: 400 tells dotdigital not to retry a delivery that can never parse.
			res.status(400).json({ error: 'The body is not JSON' }).end();
			return { noWebhookResponse: true };
		}

		const settings = this.getNodeParameter('settings', {}) as IDataObject;
		const names = (settings.onlyEventNames as string[] | undefined) ?? [];
		const received = splitEvents(body);
		const events = filterByName(received, names);
		const isNew = recentEventsOf(triggerKey(this), rememberedEvents(settings)).claim(
			events,
			rememberedEvents(settings),
		);
		const fresh = events.filter((_, i) => isNew[i]);
		const webhookResponse = {
			received: received.length,
			accepted: fresh.length,
			duplicates: events.length - fresh.length,
		};
		// Nothing new: acknowledge so dotdigital stops retrying, and start nothing.
		if (fresh.length === 0) return { webhookResponse };
		return { webhookResponse, workflowData: [this.helpers.returnJsonArray(fresh)] };
	}

	/**
	 * The trigger's step in every execution it starts (n8n runs a webhook node's execute() when it has
	 * one): the events are checked against, and recorded in, n8n's deduplication store (the database
	 * table behind the Remove Duplicates node), before any later node sees them. Only events not
	 * recorded before go on, so a replay never reaches the workflow's actions twice, whichever process
	 * received it and whether n8n restarted in between.
	 */
	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		try {
			return await passNewEvents.call(this);
		} catch (error) {
			// Under Continue On Fail each event becomes an error item without its payload, so no action
			// can act on an event whose replay check failed; otherwise the execution stops.
			if (this.continueOnFail()) return failedItems.call(this, error);
			throw asNodeError(this.getNode(), error);
		}
	}
}

/**
 * The replay check inside the execution: passes on the events whose IDs n8n's deduplication store
 * has not recorded before, and records them.
 */
async function passNewEvents(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const settings = this.getNodeParameter('settings', 0, {}) as IDataObject;
	const remember = rememberedEvents(settings);
	const pass = (item: INodeExecutionData, index: number): INodeExecutionData => ({
		json: item.json,
		pairedItem: { item: index },
	});
	if (remember === 0) return [items.map(pass)];
	const store = this.helpers;
	if (
		typeof store.checkProcessedAndRecord !== 'function' ||
		typeof store.getProcessedDataCount !== 'function' ||
		typeof store.clearAllProcessedItems !== 'function'
	) {
		throw new NodeOperationError(
			this.getNode(),
			'This n8n has no deduplication store: replay protection needs n8n 1.70 or newer',
		);
	}

	const keys = items.map((item) => eventKey(item.json));
	const unique = [...new Set(keys.filter((key) => key !== ''))];
	let isNew = new Set<string>();
	if (unique.length > 0) {
		// The node's record is read and written back whole: the workflow's lock keeps every other
		// execution of this workflow, in this process or another one, out of it meanwhile.
		const record = async () =>
			await withWorkflowLock(
				store,
				this.getNode(),
				async () =>
					await store.checkProcessedAndRecord(unique, 'node', {
						mode: 'entries',
						maxEntries: remember,
					}),
			);
		let result: Awaited<ReturnType<typeof record>> | undefined;
		for (let attempt = 1; result === undefined; attempt++) {
			try {
				result = await inOrder(triggerKey(this), record);
			} catch (error) {
				// Another process may have created the node's first record at the same moment
				// (its key is unique): the next attempt reads and updates that record.
				if (attempt >= 3) {
					throw new NodeOperationError(this.getNode(), error as Error, {
						message: "Could not record event IDs in n8n's deduplication store",
					});
				}
			}
		}
		isNew = new Set(result.new.map(String));
	}
	const out: INodeExecutionData[] = [];
	items.forEach((item, index) => {
		const key = keys[index];
		if (key === '') {
			out.push(pass(item, index));
		} else if (isNew.has(key)) {
			isNew.delete(key); // a repeat inside the same delivery passes once
			out.push(pass(item, index));
		}
	});
	return [out];
}
