/**
 * The simulator's side of dotdigital CPaaS webhooks: management endpoints validated against
 * webhook-api.json, and deliveries signed, batched, retried and replayed as the vendor does.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { isValidSignature } from '../../../nodes/DotdigitalCpaasTrigger/signature';
import type { Simulator } from '../../../tools/simulators/core/simulator';
import type { StoredWebhook } from '../../../tools/simulators/dotdigital/webhooks';
import {
	createWebhookSimulator,
	deliverEvents,
	makeEvent,
	replayDelivery,
	WEBHOOK_OPERATIONS,
} from '../../../tools/simulators/dotdigital/webhooks';

describe('dotdigital simulator webhooks', () => {
	const state: Record<string, any> = {};
	let sim: Simulator;
	let base: string;
	/** A receiver that answers with the next queued status (200 when none) and records what came. */
	let receiver: http.Server;
	let receiverUrl: string;
	const received: Array<{ body: string; signature?: string }> = [];
	const statuses: number[] = [];

	const call = async (
		method: string,
		route: string,
		body?: unknown,
		headers: Record<string, string> = {},
	) => {
		const response = await fetch(`${base}${route}`, {
			method,
			headers: { 'content-type': 'application/json', ...headers },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		return {
			status: response.status,
			body: text ? JSON.parse(text) : undefined,
			etag: response.headers.get('etag'),
		};
	};
	const create = async (extra: Record<string, unknown> = {}) =>
		(
			await call('POST', '/cpaas/webhooks', {
				name: 'test',
				url: receiverUrl,
				secret: 'sim-secret-0123456789',
				subscriptions: [{ type: 'message.sent', filters: [{ name: 'channel', value: 'sms' }] }],
				...extra,
			})
		).body as StoredWebhook;

	beforeAll(async () => {
		sim = createWebhookSimulator(state);
		base = await sim.start();
		receiver = http.createServer((req, res) => {
			const chunks: Buffer[] = [];
			req.on('data', (c: Buffer) => chunks.push(c));
			req.on('end', () => {
				const signature = req.headers['x-comapi-signature'];
				received.push({
					body: Buffer.concat(chunks).toString('utf8'),
					signature: Array.isArray(signature) ? signature[0] : signature,
				});
				res.statusCode = statuses.shift() ?? 200;
				res.end();
			});
		});
		await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
		receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
	});

	afterAll(async () => {
		await sim.stop();
		await new Promise((resolve) => receiver.close(resolve));
	});

	beforeEach(() => {
		received.length = 0;
		statuses.length = 0;
	});

	it('creates, gets, lists, updates with if-match, and deletes webhooks', async () => {
		const hook = await create();
		expect(hook.id).toMatch(/^[0-9a-f-]{36}$/);
		const got = await call('GET', `/cpaas/webhooks/${hook.id}`);
		expect(got.status).toBe(200);
		expect(got.body.url).toBe(receiverUrl);
		expect((await call('GET', '/cpaas/webhooks')).body.map((h: StoredWebhook) => h.id)).toContain(
			hook.id,
		);

		const stale = await call(
			'PUT',
			`/cpaas/webhooks/${hook.id}`,
			{ name: 'x', url: receiverUrl },
			{ 'if-match': 'old' },
		);
		expect(stale.status).toBe(412);
		const updated = await call(
			'PUT',
			`/cpaas/webhooks/${hook.id}`,
			{ name: 'renamed', url: receiverUrl },
			{ 'if-match': got.etag! },
		);
		expect(updated.status).toBe(200);
		expect(updated.body.name).toBe('renamed');

		expect((await call('DELETE', `/cpaas/webhooks/${hook.id}`)).status).toBe(204);
		expect((await call('GET', `/cpaas/webhooks/${hook.id}`)).status).toBe(404);
		expect((await call('DELETE', `/cpaas/webhooks/${hook.id}`)).status).toBe(404);
		expect((await call('GET', `/cpaas/webhooks/${hook.id}?includeDeleted=true`)).status).toBe(200);
		expect(sim.accepted(WEBHOOK_OPERATIONS.delete)).toHaveLength(1);
	});

	it('validates requests against webhook-api.json', async () => {
		const missingUrl = await call('POST', '/cpaas/webhooks', { name: 'no url' });
		expect(missingUrl.status).toBe(400);
		const tooBig = await call('POST', '/cpaas/webhooks', {
			name: 'n',
			url: receiverUrl,
			maxBatchSize: 501,
		});
		expect(tooBig.status).toBe(400);
	});

	it('lists the available events with their filters', async () => {
		const events = (await call('GET', '/cpaas/webhooks/availableevents')).body as Array<{
			type: string;
		}>;
		expect(events.map((e) => e.type)).toEqual(
			expect.arrayContaining(['message.sent', 'message.delivered', 'profile.update']),
		);
	});

	it('signs each delivery with lowercase hex HMAC-SHA1 of the exact body, one event per POST without batching', async () => {
		const hook = await create();
		const events = [makeEvent('message.sent'), makeEvent('message.sent')];
		const outcomes = await deliverEvents(state, hook.id, events);
		expect(outcomes.map((o) => o.status)).toEqual([200, 200]);
		expect(received.map((r) => JSON.parse(r.body))).toEqual(events);
		for (const r of received) {
			expect(r.signature).toBe(
				createHmac('sha1', 'sim-secret-0123456789').update(r.body).digest('hex'),
			);
			expect(isValidSignature('sim-secret-0123456789', r.body, r.signature)).toBe(true);
		}
	});

	it('sends arrays of at most maxBatchSize events when the webhook batches', async () => {
		const hook = await create({ batch: true, maxBatchSize: 2, batchTimeout: 1 });
		const events = [1, 2, 3, 4, 5].map(() => makeEvent('message.delivered'));
		const outcomes = await deliverEvents(state, hook.id, events);
		expect(outcomes).toHaveLength(3);
		expect(received.map((r) => JSON.parse(r.body).length)).toEqual([2, 2, 1]);
		expect(received.flatMap((r) => JSON.parse(r.body))).toEqual(events);
	});

	it('retries on non-2xx until accepted, but never after a 400', async () => {
		const hook = await create();
		statuses.push(500, 503, 200);
		const [retried] = await deliverEvents(state, hook.id, [makeEvent('message.sent')]);
		expect(retried.statuses).toEqual([500, 503, 200]);
		expect(new Set(received.map((r) => r.body)).size).toBe(1);

		received.length = 0;
		statuses.push(400);
		const [refused] = await deliverEvents(state, hook.id, [makeEvent('message.sent')]);
		expect(refused.statuses).toEqual([400]);
		expect(received).toHaveLength(1);
	});

	it('gives up after maxAttempts', async () => {
		const hook = await create();
		statuses.push(500, 500, 500, 500);
		const [outcome] = await deliverEvents(state, hook.id, [makeEvent('message.sent')], {
			maxAttempts: 3,
			retryDelaysMs: [1, 1],
		});
		expect(outcome.statuses).toEqual([500, 500, 500]);
		expect(outcome.status).toBe(500);
	});

	it('can forge, omit or mis-key the signature, and replay a delivery byte for byte', async () => {
		const hook = await create();
		const secret = 'sim-secret-0123456789';
		await deliverEvents(state, hook.id, [makeEvent('message.sent')], { signature: 'forged' });
		await deliverEvents(state, hook.id, [makeEvent('message.sent')], { signature: 'missing' });
		await deliverEvents(state, hook.id, [makeEvent('message.sent')], { signature: 'wrongSecret' });
		expect(received[0].signature).toMatch(/^[0-9a-f]{40}$/);
		expect(received[1].signature).toBeUndefined();
		expect(received.map((r) => isValidSignature(secret, r.body, r.signature))).toEqual([
			false,
			false,
			false,
		]);

		const [original] = await deliverEvents(state, hook.id, [makeEvent('message.sent')]);
		const replay = await replayDelivery(state, hook.id, original);
		expect(received[4]).toEqual(received[3]);
		expect(replay.rawBody).toBe(original.rawBody);
	});
});

describe('webhook handlers inside the dotdigital simulator', () => {
	it('serve /cpaas/webhooks and the legacy /apispaces/{id}/webhooks, validated and authenticated', async () => {
		// Loaded here so a problem in the full simulator fails this contract test only.
		const { createDotdigitalSimulator, DOTDIGITAL_DEFAULTS } = await import(
			'../../../tools/simulators/dotdigital'
		);
		const sim = createDotdigitalSimulator();
		const url = await sim.start();
		try {
			const basic = `Basic ${Buffer.from(`${DOTDIGITAL_DEFAULTS.username}:${DOTDIGITAL_DEFAULTS.password}`).toString('base64')}`;
			const bearer = `Bearer ${DOTDIGITAL_DEFAULTS.accessToken}`;
			const send = async (method: string, route: string, authorization: string, body?: unknown) => {
				const response = await fetch(`${url}${route}`, {
					method,
					headers: { authorization, 'content-type': 'application/json' },
					body: body === undefined ? undefined : JSON.stringify(body),
				});
				const text = await response.text();
				return { status: response.status, body: text ? JSON.parse(text) : undefined };
			};
			const created = await send('POST', '/cpaas/webhooks', basic, {
				name: 'n',
				url: 'http://127.0.0.1:9/hook',
				secret: 's',
			});
			expect(created.status).toBe(201);
			const legacy = `/apispaces/${DOTDIGITAL_DEFAULTS.apiSpaceId}/webhooks/${created.body.id}`;
			expect((await send('GET', legacy, bearer)).status).toBe(200);
			expect(
				(await send('GET', `/cpaas/webhooks/${created.body.id}`, 'Basic d3Jvbmc6d3Jvbmc=')).status,
			).toBe(401);
			expect((await send('POST', '/cpaas/webhooks', basic, { name: 'no url' })).status).toBe(400);
			expect((await send('DELETE', legacy, bearer)).status).toBe(204);
			expect(sim.accepted(WEBHOOK_OPERATIONS.create)).toHaveLength(1);
		} finally {
			await sim.stop();
		}
	});
});
