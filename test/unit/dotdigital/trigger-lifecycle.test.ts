/**
 * The trigger's webhook lifecycle and its webhook() answers, with n8n's context faked and HTTP going
 * through the shared core to the simulator's webhook endpoints on loopback.
 */
import { createHmac } from 'node:crypto';

import type { IExecuteFunctions, IHookFunctions, IWebhookFunctions } from 'n8n-workflow';

import { DotdigitalCpaasTrigger } from '../../../nodes/DotdigitalCpaasTrigger/DotdigitalCpaasTrigger.node';
import { LOCK_KEY, withWorkflowLock } from '../../../nodes/DotdigitalCpaasTrigger/lock';
import { deriveWebhookSecret } from '../../../nodes/DotdigitalCpaasTrigger/secret';
import type { Simulator } from '../../../tools/simulators/core/simulator';
import type { StoredWebhook } from '../../../tools/simulators/dotdigital/webhooks';
import {
	createWebhookSimulator,
	makeEvent,
	WEBHOOK_OPERATIONS,
} from '../../../tools/simulators/dotdigital/webhooks';

const WEBHOOK_URL = 'http://127.0.0.1:5678/webhook/abc/webhook';

type Json = Record<string, any>;

describe('dotdigital CPaaS Trigger lifecycle', () => {
	const state: Json = {};
	let sim: Simulator;
	let base: string;
	const trigger = new DotdigitalCpaasTrigger();
	const methods = trigger.webhookMethods.default;

	const node = {
		id: 'n1',
		name: 'Trigger',
		type: 'CUSTOM.dotdigitalCpaasTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		webhookId: 'node-webhook-uuid',
	};
	const CREDENTIALS = { authMode: 'apiUser', username: 'u', password: 'p' };
	/** The secret a registration stored as `data` uses. */
	const secretOf = (data: Json) =>
		deriveWebhookSecret(CREDENTIALS, {
			workflowId: 'wf1',
			nodeWebhookId: node.webhookId,
			nonce: data.secretNonce,
		});

	function context(params: Json, staticData: Json, extra: Json = {}): any {
		return {
			getNodeParameter: (name: string, fallback?: unknown) =>
				name in params ? params[name] : fallback,
			getWorkflowStaticData: () => staticData,
			getNodeWebhookUrl: () => WEBHOOK_URL,
			getNode: () => node,
			getWorkflow: () => ({ id: 'wf1', active: true }),
			getCredentials: async () => ({ ...CREDENTIALS, customBaseUrl: `${base}/cpaas` }),
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

	const params = {
		events: ['message.sent', 'message.failed'],
		batch: true,
		maxBatchSize: 10,
		batchTimeout: 5,
		settings: {},
	};
	const hooks = () => state.webhooks as Map<string, StoredWebhook>;

	beforeAll(async () => {
		sim = createWebhookSimulator(state);
		base = await sim.start();
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => sim.reset());

	it('creates a webhook with a secret derived from the credential, storing only its id and a non-secret nonce', async () => {
		const data: Json = { webhookSecret: 'left by an earlier version', seenEvents: { a: 1 } };
		expect(await methods.checkExists.call(context(params, data) as IHookFunctions)).toBe(false);
		expect(sim.requests()).toHaveLength(0); // nothing stored: nothing to ask
		expect(await methods.create.call(context(params, data) as IHookFunctions)).toBe(true);
		const hook = hooks().get(data.webhookId)!;
		expect(Object.keys(data).sort()).toEqual(['secretNonce', 'webhookId']);
		expect(data.secretNonce).toMatch(/^[0-9a-f]{32}$/);
		expect(hook.secret).toMatch(/^[0-9a-f]{64}$/);
		expect(hook.secret).toBe(secretOf(data));
		expect(JSON.stringify(data)).not.toContain(hook.secret!);
		expect(hook).toMatchObject({
			url: WEBHOOK_URL,
			batch: true,
			maxBatchSize: 10,
			batchTimeout: 5,
		});
		expect(hook.subscriptions!.map((s) => s.type)).toEqual(['message.failed', 'message.sent']);

		const other: Json = {};
		await methods.create.call(context(params, other) as IHookFunctions);
		expect(hooks().get(other.webhookId)!.secret).not.toBe(hook.secret);
	});

	it('refuses to register when the credential has no secret to derive from', async () => {
		const ctx = context(
			params,
			{},
			{ getCredentials: async () => ({ authMode: 'apiUser', username: 'u', password: '' }) },
		);
		await expect(methods.create.call(ctx as IHookFunctions)).rejects.toThrow(
			'Cannot derive the webhook secret',
		);
		expect(sim.requests(WEBHOOK_OPERATIONS.create)).toHaveLength(0);
	});

	it('checkExists only reads: true when URL and events match, false when they differ or the webhook is gone', async () => {
		const data: Json = {};
		await methods.create.call(context(params, data) as IHookFunctions);
		sim.reset();
		expect(await methods.checkExists.call(context(params, data) as IHookFunctions)).toBe(true);
		expect(
			await methods.checkExists.call(
				context({ ...params, events: ['message.sent'] }, data) as IHookFunctions,
			),
		).toBe(false);
		expect(
			await methods.checkExists.call(
				context(params, data, {
					getNodeWebhookUrl: () => 'http://127.0.0.1:1/other',
				}) as IHookFunctions,
			),
		).toBe(false);
		// Another credential secret derives another secret than the one dotdigital holds.
		const rotated = context(params, data, {
			getCredentials: async () => ({
				...CREDENTIALS,
				password: 'new',
				customBaseUrl: `${base}/cpaas`,
			}),
		});
		expect(await methods.checkExists.call(rotated as IHookFunctions)).toBe(false);
		hooks().get(data.webhookId)!._deleted = true;
		expect(await methods.checkExists.call(context(params, data) as IHookFunctions)).toBe(false);
		expect(new Set(sim.requests().map((r) => r.method))).toEqual(new Set(['GET']));
		expect(data.webhookId).toBeDefined();
	});

	it('create replaces a stored webhook that no longer matches instead of orphaning it', async () => {
		const data: Json = {};
		await methods.create.call(context(params, data) as IHookFunctions);
		const oldId = data.webhookId;
		await methods.create.call(
			context({ ...params, events: ['message.sent'] }, data) as IHookFunctions,
		);
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
		sim.spec.handlers[WEBHOOK_OPERATIONS.delete] = () => ({
			status: 403,
			body: { message: 'Forbidden' },
		});
		try {
			expect(await methods.delete.call(context(params, data) as IHookFunctions)).toBe(false);
		} finally {
			sim.spec.handlers[WEBHOOK_OPERATIONS.delete] = handler;
		}
		expect(data.webhookId).toBeDefined();
		expect(hooks().get(data.webhookId)!._deleted).toBeUndefined();
	});

	describe('webhook()', () => {
		const registration: Json = { webhookId: 'remote-1', secretNonce: 'abcdef' };
		const secret = secretOf(registration)!;
		function delivery(
			rawBody: string,
			signature: string | undefined,
			staticData: Json,
			settings: Json = {},
			nodeId = 'n1',
			overrides: Json = {},
		) {
			const res = {
				statusCode: 200,
				sent: '' as unknown,
				status(code: number) {
					this.statusCode = code;
					return this;
				},
				send(text: string) {
					this.sent = text;
					return this;
				},
				json(value: unknown) {
					this.sent = value;
					return this;
				},
				end() {
					return this;
				},
			};
			// As n8n hands it over when it left the body unread: rawBody appears after readRawBody().
			const req: Json = { readRawBody: async () => void (req.rawBody = Buffer.from(rawBody)) };
			const ctx = context({ ...params, settings }, staticData, {
				getNode: () => ({ ...node, id: nodeId }),
				getRequestObject: () => req,
				getResponseObject: () => res,
				getHeaderData: () => (signature === undefined ? {} : { 'x-comapi-signature': signature }),
				...overrides,
			}) as IWebhookFunctions;
			return { res, run: () => trigger.webhook.call(ctx) };
		}
		const sign = (body: string, key = secret) => createHmac('sha1', key).update(body).digest('hex');

		it('answers 401 and starts nothing for a missing or wrong signature, or when nothing is registered', async () => {
			const body = JSON.stringify(makeEvent('message.sent'));
			for (const [signature, data] of [
				[undefined, registration],
				[sign(`${body}x`), registration],
				[sign(body, secretOf({ secretNonce: 'other' })!), registration],
				[sign(body), {}],
				[sign(body), { webhookId: 'remote-1' }],
			] as Array<[string | undefined, Json]>) {
				const { res, run } = delivery(body, signature, data);
				expect(await run()).toEqual({ noWebhookResponse: true });
				expect(res.statusCode).toBe(401);
				expect(res.sent).toBe('Unauthorized');
			}
		});

		it('answers 400 to a signed body that is not JSON', async () => {
			const { res, run } = delivery('not json', sign('not json'), registration);
			expect(await run()).toEqual({ noWebhookResponse: true });
			expect(res.statusCode).toBe(400);
		});

		it('emits one item per new event, filters by name, answers counts, and drops what this process saw', async () => {
			const events = [
				makeEvent('message.sent'),
				makeEvent('message.failed'),
				makeEvent('message.sent'),
			];
			const body = JSON.stringify(events);
			const settings = { onlyEventNames: ['message.sent'] };
			const first = await delivery(body, sign(body), registration, settings, 'filter-node').run();
			expect(first.workflowData![0].map((i) => i.json)).toEqual([events[0], events[2]]);
			expect(first.webhookResponse).toEqual({ received: 3, accepted: 2, duplicates: 0 });

			const again = await delivery(body, sign(body), registration, settings, 'filter-node').run();
			expect(again.workflowData).toBeUndefined();
			expect(again.webhookResponse).toEqual({ received: 3, accepted: 0, duplicates: 2 });

			const off = await delivery(
				body,
				sign(body),
				registration,
				{ rememberEvents: 0 },
				'filter-node',
			).run();
			expect(off.workflowData![0]).toHaveLength(3);
		});

		it('reads the credential once for 100 concurrent deliveries, again after a failed read', async () => {
			let reads = 0;
			let failing = false;
			const getCredentials = async () => {
				reads++;
				await new Promise((resolve) => setImmediate(resolve));
				if (failing) throw new Error('credential store down');
				return CREDENTIALS;
			};
			const deliver = (data: Json) => {
				const body = JSON.stringify(makeEvent('message.sent'));
				return delivery(body, sign(body, secretOf(data)!), data, {}, 'reads', { getCredentials });
			};

			const data: Json = { webhookId: 'remote-2', secretNonce: 'fresh-nonce-1' };
			const results = await Promise.all(
				Array.from({ length: 100 }, async () => await deliver(data).run()),
			);
			expect(results.filter((r) => r.workflowData !== undefined)).toHaveLength(100);
			expect(reads).toBe(1);

			const other: Json = { webhookId: 'remote-3', secretNonce: 'fresh-nonce-2' };
			failing = true;
			const first = deliver(other);
			await first.run();
			expect(first.res.statusCode).toBe(401);
			failing = false;
			expect((await deliver(other).run()).workflowData).toBeDefined();
			expect(reads).toBe(3);
		});

		it('lets exactly one of 100 concurrent copies of an event through', async () => {
			const body = JSON.stringify(makeEvent('message.sent'));
			const results = await Promise.all(
				Array.from(
					{ length: 100 },
					async () => await delivery(body, sign(body), registration, {}, 'copies').run(),
				),
			);
			expect(results.filter((r) => r.workflowData !== undefined)).toHaveLength(1);
		});
	});

	describe('execute() (the trigger step of each execution)', () => {
		/**
		 * n8n's deduplication store as n8n implements it (packages/cli/src/deduplication): one record
		 * per scope ('node' and 'workflow'); checkProcessedAndRecord reads the record, then inserts it
		 * when it was missing (refused with a duplicate key when it exists by then, as the database's
		 * primary key does) or writes it back whole (a no-op when it was deleted meanwhile). Every
		 * database call is an await, so overlapping calls interleave as they do between processes.
		 */
		function fakeStore() {
			const records = new Map<string, string[]>();
			const tick = () => new Promise((r) => setTimeout(r, Math.random() * 3));
			const read = async (scope: string) => {
				await tick();
				const record = records.get(scope);
				return record ? [...record] : undefined;
			};
			return {
				calls: 0,
				records,
				async checkProcessedAndRecord(
					items: string[],
					scope: string,
					options: { maxEntries?: number },
				) {
					if (scope === 'node') this.calls++;
					const before = await read(scope);
					const known = new Set(before ?? []);
					const result = {
						new: items.filter((i) => !known.has(i)),
						processed: items.filter((i) => known.has(i)),
					};
					const next = [...(before ?? []), ...result.new];
					const value = options.maxEntries ? next.slice(-options.maxEntries) : next;
					await tick();
					if (before === undefined) {
						if (records.has(scope))
							throw new Error('duplicate key value violates unique constraint');
						records.set(scope, value);
					} else if (records.has(scope)) {
						records.set(scope, value);
					}
					return result;
				},
				async getProcessedDataCount(scope: string) {
					return (await read(scope))?.length ?? 0;
				},
				async clearAllProcessedItems(scope: string) {
					await tick();
					records.delete(scope);
				},
				async removeProcessed(items: string[], scope: string) {
					const before = await read(scope);
					await tick();
					if (before && records.has(scope))
						records.set(
							scope,
							before.filter((i) => !items.includes(i)),
						);
				},
			};
		}
		const storeHelpers = (store: ReturnType<typeof fakeStore>) => ({
			checkProcessedAndRecord: store.checkProcessedAndRecord.bind(store),
			getProcessedDataCount: store.getProcessedDataCount.bind(store),
			clearAllProcessedItems: store.clearAllProcessedItems.bind(store),
			removeProcessed: store.removeProcessed.bind(store),
		});
		function run(
			store: ReturnType<typeof fakeStore>,
			events: Json[],
			settings: Json = {},
			node_: DotdigitalCpaasTrigger = trigger,
		) {
			const ctx = {
				getInputData: () => events.map((json) => ({ json })),
				getNodeParameter: (name: string, _i: number, fallback: unknown) =>
					name === 'settings' ? settings : fallback,
				getNode: () => node,
				getWorkflow: () => ({ id: 'wf-exec', active: true }),
				continueOnFail: () => false,
				helpers: storeHelpers(store),
			} as unknown as IExecuteFunctions;
			return node_.execute.call(ctx);
		}

		it('passes only events not recorded before, each once, paired with its input item', async () => {
			const store = fakeStore();
			const [a, b] = [makeEvent('message.sent'), makeEvent('message.sent')];
			const [first] = await run(store, [a, b, a, { name: 'no id' }]);
			expect(first.map((i) => i.json)).toEqual([a, b, { name: 'no id' }]);
			expect(first.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 3 }]);
			const [second] = await run(store, [b, a]);
			expect(second).toEqual([]);
			const [off] = await run(store, [a], { rememberEvents: 0 });
			expect(off).toHaveLength(1);
		});

		it('when the store fails: error items without the events under continue-on-fail, else the run stops', async () => {
			const events = [makeEvent('message.sent'), makeEvent('message.sent')];
			const broken = (continueOnFail: boolean) =>
				({
					getInputData: () => events.map((json) => ({ json })),
					getNodeParameter: (_name: string, _i: number, fallback: unknown) => fallback,
					getNode: () => node,
					getWorkflow: () => ({ id: 'wf-exec-broken', active: true }),
					continueOnFail: () => continueOnFail,
					helpers: {
						...storeHelpers(fakeStore()),
						checkProcessedAndRecord: async () => {
							throw new Error('database is locked');
						},
					},
				}) as unknown as IExecuteFunctions;
			const [items] = await trigger.execute.call(broken(true));
			expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
			for (const item of items) {
				expect(String(item.json.error)).toContain('Could not record event IDs');
				expect(item.json.eventId).toBeUndefined();
			}
			await expect(trigger.execute.call(broken(false))).rejects.toThrow(
				'Could not record event IDs',
			);
		});

		it('under 100 overlapping executions, each event passes exactly once (the store is used one call at a time)', async () => {
			const store = fakeStore();
			const events = Array.from({ length: 100 }, () => makeEvent('message.delivered'));
			const copy = makeEvent('message.sent');
			const outputs = await Promise.all([
				...events.map(async (e) => await run(store, [e])),
				...events.map(async (e) => await run(store, [e])),
				...Array.from({ length: 50 }, async () => await run(store, [copy])),
			]);
			const passed = outputs.flatMap(([items]) => items.map((i) => i.json.eventId as string));
			const counts = new Map<string, number>();
			for (const id of passed) counts.set(id, (counts.get(id) ?? 0) + 1);
			expect(counts.size).toBe(101);
			expect([...counts.values()].every((n) => n === 1)).toBe(true);
		});

		it('across two processes sharing the store (queue mode: two workers), each event passes exactly once and the lock is released', async () => {
			// A second copy of the node's modules: its own per-process queue, like another worker.
			let Other: typeof DotdigitalCpaasTrigger | undefined;
			jest.isolateModules(() => {
				Other =
					require('../../../nodes/DotdigitalCpaasTrigger/DotdigitalCpaasTrigger.node').DotdigitalCpaasTrigger;
			});
			const other = new Other!();
			const store = fakeStore();
			const events = Array.from({ length: 100 }, () => makeEvent('message.delivered'));
			const copy = makeEvent('message.sent');
			const outputs = await Promise.all([
				...events.map(async (e, i) => await run(store, [e], {}, i % 2 ? trigger : other)),
				...events.map(async (e, i) => await run(store, [e], {}, i % 2 ? other : trigger)),
				...Array.from(
					{ length: 50 },
					async (_, i) => await run(store, [copy], {}, i % 2 ? trigger : other),
				),
			]);
			const passed = outputs.flatMap(([items]) => items.map((i) => i.json.eventId as string));
			const counts = new Map<string, number>();
			for (const id of passed) counts.set(id, (counts.get(id) ?? 0) + 1);
			expect(counts.size).toBe(101);
			expect([...counts.values()].filter((n) => n !== 1)).toEqual([]);
			expect(store.records.get('node')).toHaveLength(101);
			expect(store.records.has('workflow')).toBe(false);
		});

		it('removes a lock left by a process that died holding it, once it has been held for the stale time', async () => {
			const store = fakeStore();
			store.records.set('workflow', [LOCK_KEY]);
			const started = Date.now();
			const result = await withWorkflowLock(
				storeHelpers(store) as never,
				node as never,
				async () => store.records.get('workflow'),
				{ staleMs: 200, pauseMs: () => 10 },
			);
			expect(Date.now() - started).toBeGreaterThanOrEqual(200);
			expect(result).toEqual([LOCK_KEY]);
			expect(store.records.has('workflow')).toBe(false);
		});

		it("refuses to use a workflow-scope record that another node's data is in", async () => {
			const store = fakeStore();
			store.records.set('workflow', ['a', 'b']);
			await expect(run(store, [makeEvent('message.sent')])).rejects.toThrow(
				'workflow-scope deduplication record is used by another node',
			);
			expect(store.records.get('workflow')).toEqual(['a', 'b']);
		});
	});
});
