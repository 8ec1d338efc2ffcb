/**
 * The trigger's webhook lifecycle and its webhook() answers, with n8n's context faked and HTTP going
 * through the shared core to the simulator's webhook endpoints on loopback.
 */
import { createHmac } from 'node:crypto';

import type { IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { DotdigitalCpaasTrigger } from '../../../nodes/DotdigitalCpaasTrigger/DotdigitalCpaasTrigger.node';
import type { Simulator } from '../../simulators/core/simulator';
import type { StoredWebhook } from '../../simulators/dotdigital/webhooks';
import { createWebhookSimulator, makeEvent, WEBHOOK_OPERATIONS } from '../../simulators/dotdigital/webhooks';

const WEBHOOK_URL = 'http://127.0.0.1:5678/webhook/abc/webhook';

type Json = Record<string, any>;

describe('dotdigital CPaaS Trigger lifecycle', () => {
	const state: Json = {};
	let sim: Simulator;
	let base: string;
	const trigger = new DotdigitalCpaasTrigger();
	const methods = trigger.webhookMethods.default;

	const node = { id: 'n1', name: 'Trigger', type: 'CUSTOM.dotdigitalCpaasTrigger', typeVersion: 1, position: [0, 0], parameters: {} };

	function context(params: Json, staticData: Json, extra: Json = {}): any {
		return {
			getNodeParameter: (name: string, fallback?: unknown) => (name in params ? params[name] : fallback),
			getWorkflowStaticData: () => staticData,
			getNodeWebhookUrl: () => WEBHOOK_URL,
			getNode: () => node,
			getWorkflow: () => ({ id: 'wf1', active: true }),
			getCredentials: async () => ({ authMode: 'apiUser', username: 'u', password: 'p', customBaseUrl: `${base}/cpaas` }),
			helpers: {
				async httpRequestWithAuthentication(_type: string, options: Json) {
					const url = new URL(options.url);
					for (const [k, v] of Object.entries(options.qs ?? {})) url.searchParams.set(k, String(v));
					const response = await fetch(url, {
						method: options.method,
						headers: { 'content-type': 'application/json', ...(options.headers ?? {}) },
						body: options.body === undefined ? undefined : JSON.stringify(options.body),
					});
					const text = await response.text();
					const data = text ? JSON.parse(text) : undefined;
					if (!response.ok) {
						throw Object.assign(new Error(`Request failed with status code ${response.status}`), {
							httpCode: String(response.status),
							cause: { response: { status: response.status, headers: {}, data } },
						});
					}
					return { body: data, statusCode: response.status, headers: {} };
				},
				returnJsonArray: (items: Json[]) => items.map((json) => ({ json })),
			},
			...extra,
		};
	}

	const params = { events: ['message.sent', 'message.failed'], batch: true, maxBatchSize: 10, batchTimeout: 5, options: {} };
	const hooks = () => state.webhooks as Map<string, StoredWebhook>;

	beforeAll(async () => {
		sim = createWebhookSimulator(state);
		base = await sim.start();
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => sim.reset());

	it('creates a webhook with a fresh 256-bit secret and stores its id and secret', async () => {
		const data: Json = {};
		expect(await methods.checkExists.call(context(params, data) as IHookFunctions)).toBe(false);
		expect(sim.requests()).toHaveLength(0); // nothing stored: nothing to ask
		expect(await methods.create.call(context(params, data) as IHookFunctions)).toBe(true);
		const hook = hooks().get(data.webhookId)!;
		expect(hook.secret).toBe(data.webhookSecret);
		expect(data.webhookSecret).toMatch(/^[0-9a-f]{64}$/);
		expect(hook).toMatchObject({ url: WEBHOOK_URL, batch: true, maxBatchSize: 10, batchTimeout: 5 });
		expect(hook.subscriptions!.map((s) => s.type)).toEqual(['message.failed', 'message.sent']);

		const other: Json = {};
		await methods.create.call(context(params, other) as IHookFunctions);
		expect(other.webhookSecret).not.toBe(data.webhookSecret);
	});

	it('checkExists only reads: true when URL and events match, false when they differ or the webhook is gone', async () => {
		const data: Json = {};
		await methods.create.call(context(params, data) as IHookFunctions);
		sim.reset();
		expect(await methods.checkExists.call(context(params, data) as IHookFunctions)).toBe(true);
		expect(await methods.checkExists.call(context({ ...params, events: ['message.sent'] }, data) as IHookFunctions)).toBe(false);
		expect(
			await methods.checkExists.call(context(params, data, { getNodeWebhookUrl: () => 'http://127.0.0.1:1/other' }) as IHookFunctions),
		).toBe(false);
		hooks().get(data.webhookId)!._deleted = true;
		expect(await methods.checkExists.call(context(params, data) as IHookFunctions)).toBe(false);
		expect(new Set(sim.requests().map((r) => r.method))).toEqual(new Set(['GET']));
		expect(data.webhookId).toBeDefined();
	});

	it('create replaces a stored webhook that no longer matches instead of orphaning it', async () => {
		const data: Json = {};
		await methods.create.call(context(params, data) as IHookFunctions);
		const oldId = data.webhookId;
		await methods.create.call(context({ ...params, events: ['message.sent'] }, data) as IHookFunctions);
		expect(hooks().get(oldId)!._deleted).toBe(true);
		expect(data.webhookId).not.toBe(oldId);
	});

	it('delete removes the webhook, succeeds when it is already gone, and forgets id and secret', async () => {
		const data: Json = {};
		await methods.create.call(context(params, data) as IHookFunctions);
		const id = data.webhookId;
		expect(await methods.delete.call(context(params, data) as IHookFunctions)).toBe(true);
		expect(hooks().get(id)!._deleted).toBe(true);
		expect(data).toEqual({});

		await methods.create.call(context(params, data) as IHookFunctions);
		hooks().get(data.webhookId)!._deleted = true;
		expect(await methods.delete.call(context(params, data) as IHookFunctions)).toBe(true);
		expect(data).toEqual({});
		expect(sim.requests(WEBHOOK_OPERATIONS.delete).map((r) => r.status)).toEqual([204, 404]);
	});

	it('delete reports failure (keeping the id) when the vendor refuses for another reason', async () => {
		const data: Json = {};
		await methods.create.call(context(params, data) as IHookFunctions);
		const handler = sim.spec.handlers[WEBHOOK_OPERATIONS.delete];
		sim.spec.handlers[WEBHOOK_OPERATIONS.delete] = () => ({ status: 403, body: { message: 'Forbidden' } });
		try {
			expect(await methods.delete.call(context(params, data) as IHookFunctions)).toBe(false);
		} finally {
			sim.spec.handlers[WEBHOOK_OPERATIONS.delete] = handler;
		}
		expect(data.webhookId).toBeDefined();
		expect(hooks().get(data.webhookId)!._deleted).toBeUndefined();
	});

	describe('webhook()', () => {
		const secret = 'a'.repeat(64);
		function delivery(rawBody: string, signature: string | undefined, staticData: Json, options: Json = {}) {
			const res = { statusCode: 200, sent: '', status(code: number) { this.statusCode = code; return this; }, send(text: string) { this.sent = text; return this; }, end() { return this; } };
			const ctx = context({ ...params, options }, staticData, {
				getRequestObject: () => ({ rawBody: Buffer.from(rawBody) }),
				getResponseObject: () => res,
				getHeaderData: () => (signature === undefined ? {} : { 'x-comapi-signature': signature }),
			}) as IWebhookFunctions;
			return { res, run: () => trigger.webhook.call(ctx) };
		}
		const sign = (body: string) => createHmac('sha1', secret).update(body).digest('hex');

		it('answers 401 and starts nothing for a missing or wrong signature, or when no secret is stored', async () => {
			const body = JSON.stringify(makeEvent('message.sent'));
			for (const [signature, data] of [
				[undefined, { webhookSecret: secret }],
				[sign(`${body}x`), { webhookSecret: secret }],
				[sign(body), {}],
			] as Array<[string | undefined, Json]>) {
				const { res, run } = delivery(body, signature, data);
				expect(await run()).toEqual({ noWebhookResponse: true });
				expect(res.statusCode).toBe(401);
				expect(res.sent).toBe('Unauthorized');
			}
		});

		it('answers 400 to a signed body that is not JSON', async () => {
			const { res, run } = delivery('not json', sign('not json'), { webhookSecret: secret });
			expect(await run()).toEqual({ noWebhookResponse: true });
			expect(res.statusCode).toBe(400);
		});

		it('emits one item per new event, filters by name, and acknowledges an all-duplicate delivery without items', async () => {
			const data: Json = { webhookSecret: secret };
			const events = [makeEvent('message.sent'), makeEvent('message.failed'), makeEvent('message.sent')];
			const body = JSON.stringify(events);
			const first = await delivery(body, sign(body), data, { onlyEventNames: ['message.sent'] }).run();
			expect(first.workflowData![0].map((i) => i.json)).toEqual([events[0], events[2]]);
			expect(Object.keys(data.seenEvents)).toEqual([events[0].eventId, events[2].eventId]);

			const again = await delivery(body, sign(body), data, { onlyEventNames: ['message.sent'] }).run();
			expect(again.workflowData).toBeUndefined();
			expect(again.webhookResponse).toEqual({ received: 2, duplicates: 2 });

			const noDedupe = await delivery(body, sign(body), data, { dedupeWindowMinutes: 0 }).run();
			expect(noDedupe.workflowData![0]).toHaveLength(3);
		});
	});
});
