import { randomBytes } from 'crypto';
import type {
	ICredentialDataDecryptedObject,
	IDataObject,
	IExecuteFunctions,
	IHookFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
	IWebhookFunctions,
	IWebhookResponseData,
} from 'n8n-workflow';
import { NodeConnectionTypes, NodeOperationError } from 'n8n-workflow';

import { getWebhookEvents } from '../DotdigitalCpaas/methods/loadOptions';
import { dotdigitalRequest } from '../DotdigitalCpaas/transport';
import { asNodeError, failedItems, readText } from '../shared';
import {
	eventKey,
	filterByName,
	forgetRecentEvents,
	inOrder,
	readDelivery,
	recentEventsOf,
} from './events';
import { isLockRefusal, storeFailure, withWorkflowLock } from './lock';
import { deriveWebhookSecret } from './secret';
import { isValidSignature, SIGNATURE_HEADER } from './signature';

/**
 * Largest delivery body accepted: n8n's default request body limit (N8N_PAYLOAD_SIZE_MAX, 16 MiB),
 * which n8n does not apply to a raw body it leaves to the node. dotdigital batches at most 500
 * events, far below it.
 */
export const MAX_DELIVERY_BYTES = 16 * 1024 * 1024;

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
/**
 * Derived secrets by registration, as promises: concurrent deliveries that find none share one
 * credential read (n8n 2.x resolves a credential in a fresh expression isolate on each read).
 */
const derivedSecrets = new Map<string, { secret: Promise<string | undefined>; at: number }>();

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
	if (reuse && known && now - known.at < SECRET_REUSE_MS) return await known.secret;
	const secret = credentialsOf(ctx).then((credentials) =>
		deriveWebhookSecret(credentials, identity),
	);
	if (!reuse) {
		derivedSecrets.delete(key);
		return await secret;
	}
	for (const [k, v] of derivedSecrets) if (now - v.at >= SECRET_REUSE_MS) derivedSecrets.delete(k);
	const entry = { secret, at: now };
	derivedSecrets.set(key, entry);
	const derived = await secret;
	// A credential that could not be read is read again by the next delivery.
	if (derived === undefined && derivedSecrets.get(key) === entry) derivedSecrets.delete(key);
	return derived;
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

/**
 * The filters to register. A filter with a name but no value (or a value but no name) is refused:
 * dropping it would subscribe to more events than asked for. Entirely empty rows are left out.
 */
function subscriptionFilters(ctx: IHookFunctions): SubscriptionFilter[] {
	const collection = ctx.getNodeParameter('subscriptionFilters', {}) as {
		filter?: Array<Partial<SubscriptionFilter>>;
	};
	const filters: SubscriptionFilter[] = [];
	(collection.filter ?? []).forEach((f, n) => {
		const name = settingText(ctx, f.name, `Subscription Filters → Filter ${n + 1} → Name`);
		const value = settingText(ctx, f.value, `Subscription Filters → Filter ${n + 1} → Value`);
		if (name === '' && value === '') return;
		if (name === '' || value === '') {
			throw new NodeOperationError(
				ctx.getNode(),
				`"Subscription Filters" filter ${n + 1} has ${name === '' ? 'a value but no name' : `the name "${name}" but no value`}`,
				{
					description:
						'Fill in both, or remove the filter: without it the webhook would receive every event of the chosen types',
				},
			);
		}
		filters.push({ name, value });
	});
	return filters;
}

/** A text setting: no objects, control characters or broken characters (see readText). */
function settingText(ctx: IHookFunctions, value: unknown, field: string): string {
	return readText(ctx.getNode(), value, field, 0);
}

/** A whole number setting within bounds, named in the error. */
function wholeNumber(
	ctx: IHookFunctions,
	value: unknown,
	field: string,
	min: number,
	max = Number.MAX_SAFE_INTEGER,
): number {
	const number = typeof value === 'string' && value.trim() !== '' ? Number(value) : value;
	if (typeof number !== 'number' || !Number.isInteger(number) || number < min || number > max) {
		throw new NodeOperationError(
			ctx.getNode(),
			`"${field}" must be a whole number ${max === Number.MAX_SAFE_INTEGER ? `of at least ${min}` : `from ${min} to ${max}`}, got ${JSON.stringify(value) ?? String(value)}`,
		);
	}
	return number;
}

/**
 * Checks every setting before anything is registered, so a mistake fails the activation with a
 * message naming the field instead of registering a webhook that would not work as configured.
 */
function checkSettings(ctx: IHookFunctions): void {
	const events = selectedEvents(ctx);
	if (events.length === 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			'Choose at least one event type in "Event Names or IDs"',
		);
	}
	events.forEach((event) => settingText(ctx, event, 'Event Names or IDs'));
	subscriptionFilters(ctx);
	if (ctx.getNodeParameter('batch', true) as boolean) {
		wholeNumber(ctx, ctx.getNodeParameter('maxBatchSize', 100), 'Max Batch Size', 1, 500);
		wholeNumber(ctx, ctx.getNodeParameter('batchTimeout', 10), 'Batch Timeout (Seconds)', 1, 60);
	}
	const settings = ctx.getNodeParameter('settings', {}) as IDataObject;
	if (settings.rememberEvents !== undefined)
		wholeNumber(ctx, settings.rememberEvents, 'Options → Remember Event IDs', 0);
	settingText(ctx, settings.webhookName, 'Options → Webhook Name');
	const only = ((settings.onlyEventNames as unknown[] | undefined) ?? []).map((name) =>
		settingText(ctx, name, 'Options → Only Event Names or IDs'),
	);
	const outside = only.filter((name) => name !== '' && !events.includes(name));
	if (outside.length > 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			`"Only Event Names or IDs" lists ${outside.map((n) => `"${n}"`).join(', ')}, which the webhook does not subscribe to`,
			{
				description:
					'Those events would never arrive: add them to "Event Names or IDs", or remove them from the option',
			},
		);
	}
}

/**
 * Checks the chosen event types and filter names against what the account offers
 * (`GET /webhooks/availableevents`, which also fills the dropdown): an unknown type or filter
 * would register a webhook that never fires, or one that ignores the filter.
 */
async function checkAgainstAvailableEvents(ctx: IHookFunctions): Promise<void> {
	const response = (await dotdigitalRequest.call(ctx, {
		method: 'GET',
		path: '/webhooks/availableevents',
	})) as unknown;
	const available = Array.isArray(response) ? (response as IDataObject[]) : [];
	const byType = new Map(
		available
			.filter((event) => typeof event.type === 'string')
			.map((event) => [String(event.type), event]),
	);
	if (byType.size === 0) return; // nothing to check against
	const events = selectedEvents(ctx);
	const unknown = events.filter((event) => !byType.has(event));
	if (unknown.length > 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			`Unknown event type${unknown.length > 1 ? 's' : ''} in "Event Names or IDs": ${unknown.map((e) => `"${e}"`).join(', ')}`,
			{
				description: `dotdigital CPaaS offers: ${[...byType.keys()].sort().join(', ').slice(0, 1000)}`,
			},
		);
	}
	const offered = new Set<string>();
	let described = false;
	for (const event of events) {
		const filters = byType.get(event)?.filters;
		if (!Array.isArray(filters)) continue;
		described = true;
		for (const filter of filters as IDataObject[])
			if (typeof filter?.name === 'string') offered.add(filter.name);
	}
	if (!described) return;
	const foreign = subscriptionFilters(ctx).filter((f) => !offered.has(f.name));
	if (foreign.length > 0) {
		throw new NodeOperationError(
			ctx.getNode(),
			`"Subscription Filters": ${foreign.map((f) => `"${f.name}"`).join(', ')} is not a filter of the chosen event types`,
			{
				description: offered.size
					? `Filters these event types offer: ${[...offered].sort().join(', ')}`
					: 'The chosen event types offer no filters',
			},
		);
	}
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
				typeOptions: { loadOptionsMethod: 'getWebhookEvents' },
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
						typeOptions: { loadOptionsMethod: 'getWebhookEvents' },
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

	/** The event list is the dotdigital CPaaS node's own (`/webhooks/availableevents`). */
	methods = { loadOptions: { getWebhookEvents } };

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
				checkSettings(this);
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
				await checkAgainstAvailableEvents(this);
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
				const settings = this.getNodeParameter('settings', {}) as IDataObject;
				const batch = this.getNodeParameter('batch', true) as boolean;
				const body: IDataObject = {
					name:
						settingText(this, settings.webhookName, 'Options → Webhook Name') ||
						`n8n workflow ${this.getWorkflow().id ?? ''}`.trim(),
					url: this.getNodeWebhookUrl('default'),
					secret,
					subscriptions: subscriptions(this),
					batch,
				};
				if (batch) {
					body.maxBatchSize = wholeNumber(
						this,
						this.getNodeParameter('maxBatchSize', 100),
						'Max Batch Size',
						1,
						500,
					);
					body.batchTimeout = wholeNumber(
						this,
						this.getNodeParameter('batchTimeout', 10),
						'Batch Timeout (Seconds)',
						1,
						60,
					);
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

		let tooLarge = false;
		if (req.rawBody === undefined && typeof req.readRawBody === 'function') {
			try {
				await req.readRawBody();
			} catch (error) {
				// n8n's body reader stops at its size limit (N8N_PAYLOAD_SIZE_MAX).
				const { status, type } = error as { status?: number; type?: string };
				if (status !== 413 && type !== 'entity.too.large') throw asNodeError(this.getNode(), error);
				tooLarge = true;
			}
		}
		const rawBody = req.rawBody;
		if (tooLarge || (rawBody !== undefined && rawBody.length > MAX_DELIVERY_BYTES)) {
			// Not 400: dotdigital drops a delivery answered 400, and this one was not read.
			res
				.status(413)
				.json({ error: `The body is larger than ${MAX_DELIVERY_BYTES / 1024 / 1024} MB` })
				.end();
			return { noWebhookResponse: true };
		}
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

		const delivery = readDelivery(body);
		if (!delivery.valid || (delivery.events.length === 0 && delivery.invalid > 0)) {
			// Signed JSON that holds no event can never be processed: 400, so dotdigital does not retry.
			res
				.status(400)
				.json({
					error: delivery.valid
						? 'The body holds no events (objects with an eventId or a name)'
						: 'The body is not an event or a list of events',
				})
				.end();
			return { noWebhookResponse: true };
		}

		const settings = this.getNodeParameter('settings', {}) as IDataObject;
		const names = (settings.onlyEventNames as string[] | undefined) ?? [];
		const received = delivery.events;
		const events = filterByName(received, names);
		const isNew = recentEventsOf(triggerKey(this), rememberedEvents(settings)).claim(
			events,
			rememberedEvents(settings),
		);
		const fresh = events.filter((_, i) => isNew[i]);
		const unidentified = fresh.filter((event) => eventKey(event) === '').length;
		const webhookResponse: IDataObject = {
			received: received.length,
			accepted: fresh.length,
			duplicates: events.length - fresh.length,
		};
		// Entries of a batch that are not events are left out; the events beside them still go on.
		if (delivery.invalid > 0) webhookResponse.invalid = delivery.invalid;
		// Events without an eventId pass, but a replay of them cannot be recognised.
		if (unidentified > 0) webhookResponse.withoutEventId = unidentified;
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
				// The lock's refusal (another node's record) is final and says why.
				if (isLockRefusal(error)) throw asNodeError(this.getNode(), error);
				if (attempt >= 3) {
					throw error instanceof NodeOperationError ? error : storeFailure(this.getNode(), error);
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
