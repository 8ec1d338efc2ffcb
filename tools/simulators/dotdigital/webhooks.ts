/**
 * dotdigital CPaaS webhooks in the simulator: the management endpoints of `webhook-api.json`
 * (stored in the simulator's state) and the vendor's side of a delivery: events signed with
 * `X-Comapi-Signature` = lowercase hex HMAC-SHA1 of the raw body keyed with the webhook's secret,
 * sent one per POST or as a JSON array when the webhook batches, retried on non-2xx except 400
 * (https://developer.dotdigital.com/reference/message-events and the receiver samples in
 * https://github.com/comapi/ddg-cpaas-quickstarts). The retry schedule is the vendor's, scaled down.
 *
 * `webhook-api.json` has no operationIds, and openapi-backend cannot validate an operation without
 * one: `addWebhookOperationIds(doc)` names them `<METHOD> <OpenAPI path>` (`WEBHOOK_OPERATIONS`).
 */
import { createHmac, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Handler, SimRequest, SimResponse, SimulatorSpec } from '../core/simulator';
import { headerOf, Simulator } from '../core/simulator';

/** Method and OpenAPI path of each webhook operation. */
export const WEBHOOK_ROUTES = {
	list: ['get', '/cpaas/webhooks'],
	create: ['post', '/cpaas/webhooks'],
	availableEvents: ['get', '/cpaas/webhooks/availableevents'],
	availableTemplates: ['get', '/cpaas/webhooks/availabletemplates'],
	get: ['get', '/cpaas/webhooks/{webhookId}'],
	update: ['put', '/cpaas/webhooks/{webhookId}'],
	delete: ['delete', '/cpaas/webhooks/{webhookId}'],
} as const;

type WebhookOperation = keyof typeof WEBHOOK_ROUTES;

/**
 * OperationIds as `<METHOD> <OpenAPI path>`: the simulator core's fallback name and the name the
 * dotdigital simulator gives every operation, so `sim.accepted(WEBHOOK_OPERATIONS.create)` works in both.
 */
export const WEBHOOK_OPERATIONS = Object.fromEntries(
	Object.entries(WEBHOOK_ROUTES).map(([key, [method, route]]) => [
		key,
		`${method.toUpperCase()} ${route}`,
	]),
) as Record<WebhookOperation, string>;

/** A copy of webhook-api.json whose webhook operations carry the ids of `WEBHOOK_OPERATIONS`. */
export function addWebhookOperationIds<T extends { paths?: Record<string, any> }>(document: T): T {
	const copy = JSON.parse(JSON.stringify(document)) as T;
	for (const [key, [method, route]] of Object.entries(WEBHOOK_ROUTES)) {
		const operation = copy.paths?.[route]?.[method];
		if (operation && !operation.operationId) {
			operation.operationId = WEBHOOK_OPERATIONS[key as WebhookOperation];
		}
	}
	return copy;
}

type Json = Record<string, any>;

export interface StoredWebhook extends Json {
	id: string;
	name: string;
	url: string;
	secret?: string;
	subscriptions?: Array<{ type: string; filters?: Array<{ name: string; value: string }> }>;
	batch?: boolean;
	maxBatchSize?: number;
	batchTimeout?: number;
	_createdOn: string;
	_updatedOn: string;
	_deleted?: boolean;
	etag: string;
}

const MESSAGE_EVENTS = [
	'message.sent',
	'message.delivered',
	'message.read',
	'message.expired',
	'message.failed',
	'message.inbound',
];
const PROFILE_EVENTS = [
	'profile.create',
	'profile.update',
	'profile.delete',
	'profile.undelete',
	'profile.devicesUpdated',
];

/** The account's available events (A5 templates + A11/A15 event families). */
export const AVAILABLE_EVENTS = [
	...MESSAGE_EVENTS.map((type) => ({
		type,
		description: `Outbound or inbound message "${type.split('.')[1]}" events`,
		filters: [
			{
				name: 'channel',
				required: false,
				description: 'Channel that the event relates to e.g `sms`',
			},
		],
	})),
	...PROFILE_EVENTS.map((type) => ({
		type,
		description: `Profile "${type.split('.')[1]}" events`,
		filters: [],
	})),
	{ type: 'interaction.click', description: 'Clicks on tracked links', filters: [] },
	{ type: 'conversationMessage.sent', description: 'App-messaging messages sent', filters: [] },
	{ type: 'chatMessage.sent', description: 'Chat messages sent', filters: [] },
];

const AVAILABLE_TEMPLATES = [
	{ name: 'Message events', description: 'All messaging-related events', events: MESSAGE_EVENTS },
	{
		name: 'Message and Profile events',
		description: 'All message and profile-related events',
		events: [...MESSAGE_EVENTS, ...PROFILE_EVENTS],
	},
];

/** The vendor's retry schedule in seconds (A6): 5 s … 4 h ×5, about 24 h in all. */
export const VENDOR_RETRY_SCHEDULE_S = [
	5, 10, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 14400, 14400, 14400, 14400, 14400,
];

export interface WebhookState {
	webhooks: Map<string, StoredWebhook>;
	deliveries: DeliveryAttempt[];
}

export interface DeliveryAttempt {
	webhookId: string;
	url: string;
	attempt: number;
	status: number;
	rawBody: string;
	signature?: string;
	at: number;
}

function webhookState(state: Record<string, any>): WebhookState {
	state.webhooks ??= new Map<string, StoredWebhook>();
	state.deliveries ??= [];
	return state as WebhookState;
}

function publicView(hook: StoredWebhook): Json {
	const { _deleted, etag, ...rest } = hook;
	void _deleted;
	void etag;
	return rest;
}

/** Handlers for the webhook endpoints of webhook-api.json; webhooks live in `state.webhooks`. */
export function registerWebhookHandlers(
	sim: Simulator,
	state: Record<string, any>,
): Record<string, Handler> {
	const s = webhookState(state);
	const notFound = (req: SimRequest): SimResponse =>
		sim.spec.errorResponse(404, `Webhook ${req.params.webhookId} was not found`, req);
	const etagHeaders = (hook: StoredWebhook) => ({
		etag: hook.etag,
		'last-modified': hook._updatedOn,
	});
	const find = (req: SimRequest, includeDeleted = false): StoredWebhook | undefined => {
		const hook = s.webhooks.get(req.params.webhookId);
		return hook && (!hook._deleted || includeDeleted) ? hook : undefined;
	};
	const preconditionFails = (req: SimRequest, hook: StoredWebhook) => {
		const ifMatch = headerOf(req, 'if-match');
		return ifMatch !== undefined && ifMatch !== hook.etag;
	};

	const handlers: Record<WebhookOperation, Handler> = {
		list: (req) => {
			const includeDeleted = String(req.query.includeDeleted) === 'true';
			const list = [...s.webhooks.values()]
				.filter((h) => includeDeleted || !h._deleted)
				.map(publicView);
			return { status: 200, body: list };
		},
		create: (req) => {
			const now = new Date().toISOString();
			const hook: StoredWebhook = {
				...(req.body as Json),
				id: randomUUID(),
				_createdOn: now,
				_createdBy: 'simulator',
				_updatedOn: now,
				_updatedBy: 'simulator',
				etag: randomUUID(),
			} as unknown as StoredWebhook;
			s.webhooks.set(hook.id, hook);
			return { status: 201, body: publicView(hook), headers: etagHeaders(hook) };
		},
		availableEvents: () => ({ status: 200, body: AVAILABLE_EVENTS }),
		availableTemplates: () => ({ status: 200, body: AVAILABLE_TEMPLATES }),
		get: (req) => {
			const hook = find(req, String(req.query.includeDeleted) === 'true');
			return hook
				? { status: 200, body: publicView(hook), headers: etagHeaders(hook) }
				: notFound(req);
		},
		update: (req) => {
			const hook = find(req);
			if (!hook) return notFound(req);
			if (preconditionFails(req, hook))
				return sim.spec.errorResponse(412, 'ETag does not match', req);
			const updated: StoredWebhook = {
				...(req.body as Json),
				id: hook.id,
				_createdOn: hook._createdOn,
				_createdBy: hook._createdBy,
				_updatedOn: new Date().toISOString(),
				_updatedBy: 'simulator',
				etag: randomUUID(),
			} as unknown as StoredWebhook;
			s.webhooks.set(hook.id, updated);
			return { status: 200, body: publicView(updated), headers: etagHeaders(updated) };
		},
		delete: (req) => {
			const hook = find(req);
			if (!hook) return notFound(req);
			if (preconditionFails(req, hook))
				return sim.spec.errorResponse(412, 'ETag does not match', req);
			hook._deleted = true;
			return { status: 204 };
		},
	};
	const byId: Record<string, Handler> = {};
	for (const [key, handler] of Object.entries(handlers) as Array<[WebhookOperation, Handler]>) {
		byId[WEBHOOK_OPERATIONS[key]] = handler;
	}
	return byId;
}

// ---- the vendor's side of a delivery ---------------------------------------------------------

/** An event envelope as dotdigital delivers it (A3 contract, A11 example). */
export function makeEvent(name: string, payload: Json = {}, overrides: Json = {}): Json {
	return {
		eventId: randomUUID(),
		accountId: 1234,
		apiSpaceId: 'c924cf6e-4352-4b26-a71a-c2032bea7a01',
		name,
		payload: { id: randomUUID(), details: { channel: 'sms' }, ...payload },
		revision: 1,
		etag: randomUUID(),
		timestamp: new Date().toISOString(),
		...overrides,
	};
}

export function signBody(secret: string, rawBody: string): string {
	return createHmac('sha1', Buffer.from(secret, 'utf8'))
		.update(Buffer.from(rawBody, 'utf8'))
		.digest('hex');
}

export interface DeliverOptions {
	/** `valid` (default), `forged` (a well-formed signature of other bytes), `missing`, or `wrongSecret`. */
	signature?: 'valid' | 'forged' | 'missing' | 'wrongSecret';
	/** Override the webhook's batching: `single` = one POST per event, `batch` = arrays. */
	mode?: 'single' | 'batch';
	/** Delays before each retry; default the vendor schedule × `retryScale`. */
	retryDelaysMs?: number[];
	/** Scale of the vendor schedule (default 0.001: 5 s → 5 ms). */
	retryScale?: number;
	/** Total attempts per POST (default 1 + the retry delays). */
	maxAttempts?: number;
}

export interface DeliveryOutcome {
	rawBody: string;
	signature?: string;
	/** Status of each attempt, in order; 0 = connection failure. */
	statuses: number[];
	/** Final status. */
	status: number;
	responseBody: string;
}

async function post(
	url: string,
	rawBody: string,
	signature: string | undefined,
): Promise<{ status: number; body: string }> {
	try {
		const response = await fetch(url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				...(signature !== undefined ? { 'x-comapi-signature': signature } : {}),
			},
			body: rawBody,
		});
		return { status: response.status, body: await response.text() };
	} catch (error) {
		return { status: 0, body: String(error) };
	}
}

/**
 * Sends exact bytes with a signature header to a webhook's URL, retrying as the vendor does:
 * every non-2xx except 400 (which the vendor never retries) until the attempts run out.
 */
export async function sendRaw(
	state: Record<string, any>,
	hook: StoredWebhook,
	rawBody: string,
	signature: string | undefined,
	options: DeliverOptions = {},
): Promise<DeliveryOutcome> {
	const s = webhookState(state);
	const delays =
		options.retryDelaysMs ??
		VENDOR_RETRY_SCHEDULE_S.map((sec) => sec * 1000 * (options.retryScale ?? 0.001));
	const maxAttempts = options.maxAttempts ?? delays.length + 1;
	const statuses: number[] = [];
	let last = { status: 0, body: '' };
	for (let attempt = 1; attempt <= maxAttempts; attempt++) {
		last = await post(hook.url, rawBody, signature);
		statuses.push(last.status);
		s.deliveries.push({
			webhookId: hook.id,
			url: hook.url,
			attempt,
			status: last.status,
			rawBody,
			signature,
			at: Date.now(),
		});
		if ((last.status >= 200 && last.status < 300) || last.status === 400) break;
		if (attempt < maxAttempts)
			await new Promise((r) =>
				setTimeout(r, delays[attempt - 1] ?? delays[delays.length - 1] ?? 0),
			);
	}
	return { rawBody, signature, statuses, status: last.status, responseBody: last.body };
}

function signatureFor(
	hook: StoredWebhook,
	rawBody: string,
	kind: DeliverOptions['signature'],
): string | undefined {
	switch (kind ?? 'valid') {
		case 'missing':
			return undefined;
		case 'forged':
			return signBody(hook.secret ?? '', `${rawBody} `);
		case 'wrongSecret':
			return signBody(`not-${hook.secret ?? ''}`, rawBody);
		default:
			return signBody(hook.secret ?? '', rawBody);
	}
}

export function activeWebhook(state: Record<string, any>, webhookId: string): StoredWebhook {
	const hook = webhookState(state).webhooks.get(webhookId);
	if (!hook || hook._deleted) throw new Error(`No active webhook ${webhookId} in the simulator`);
	return hook;
}

/** Webhooks (not deleted) subscribed to an event name. */
export function webhooksFor(state: Record<string, any>, eventName: string): StoredWebhook[] {
	return [...webhookState(state).webhooks.values()].filter(
		(h) => !h._deleted && (h.subscriptions ?? []).some((sub) => sub.type === eventName),
	);
}

/**
 * Delivers events to a webhook the way it is configured: one event per POST, or arrays of at most
 * `maxBatchSize` when it batches. Returns one outcome per POST.
 */
export async function deliverEvents(
	state: Record<string, any>,
	webhookId: string,
	events: Json[],
	options: DeliverOptions = {},
): Promise<DeliveryOutcome[]> {
	const hook = activeWebhook(state, webhookId);
	const batched = options.mode ? options.mode === 'batch' : hook.batch === true;
	const bodies: string[] = [];
	if (batched) {
		const size = Math.max(1, Math.min(500, Number(hook.maxBatchSize ?? 100)));
		for (let i = 0; i < events.length; i += size)
			bodies.push(JSON.stringify(events.slice(i, i + size)));
	} else {
		for (const event of events) bodies.push(JSON.stringify(event));
	}
	const outcomes: DeliveryOutcome[] = [];
	for (const rawBody of bodies) {
		outcomes.push(
			await sendRaw(state, hook, rawBody, signatureFor(hook, rawBody, options.signature), options),
		);
	}
	return outcomes;
}

/** Sends an earlier delivery again, byte for byte with its signature: what a vendor retry looks like. */
export async function replayDelivery(
	state: Record<string, any>,
	webhookId: string,
	outcome: Pick<DeliveryOutcome, 'rawBody' | 'signature'>,
	options: DeliverOptions = {},
): Promise<DeliveryOutcome> {
	return await sendRaw(state, activeWebhook(state, webhookId), outcome.rawBody, outcome.signature, {
		maxAttempts: 1,
		...options,
	});
}

const WEBHOOK_API = path.resolve(__dirname, 'openapi/webhook-api.json');

/**
 * A simulator serving only the webhook endpoints of webhook-api.json, kept in `state`: what the
 * trigger talks to. `authenticate` lets every request through unless a check is given.
 */
export function createWebhookSimulator(
	state: Record<string, any>,
	authenticate: SimulatorSpec['authenticate'] = () => undefined,
): Simulator {
	const sim = new Simulator({
		name: 'dotdigital-webhooks',
		openapi: [addWebhookOperationIds(JSON.parse(readFileSync(WEBHOOK_API, 'utf8')))],
		authenticate,
		errorResponse: (status, message) => ({ status, body: { message } }),
		handlers: {},
	});
	Object.assign(sim.spec.handlers, registerWebhookHandlers(sim, state));
	return sim;
}
