/**
 * Issue 9, "Bad input", for the dotdigital CPaaS Trigger in a real n8n server: bad settings and
 * bad credentials fail the activation with a message naming the field (and register nothing), and
 * bad deliveries (no or wrong signature, a body that is not JSON or holds no event, entries that
 * are not events, events without an eventId, the wrong content type, a huge body) get a clear
 * answer, start nothing they should not, and lose no valid event beside them.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import { N8n, nodeType } from '../../../tools/harness/n8n';
import { N8nServer } from '../../../tools/harness/server';
import type { Simulator } from '../../../tools/simulators/core/simulator';
import { authToken } from '../../../tools/simulators/core/simulator';
import type { StoredWebhook } from '../../../tools/simulators/dotdigital/webhooks';
import {
	createWebhookSimulator,
	makeEvent,
	sendRaw,
	signBody,
	WEBHOOK_OPERATIONS,
} from '../../../tools/simulators/dotdigital/webhooks';

jest.setTimeout(600_000);

const USERNAME = 'apiuser-badinput@apiconnector.com';
const PASSWORD = 'dd-badinput-password-5e2b';
const GOOD = { id: 'bi-trigger-good', name: 'dotdigital (trigger bad input)' };
const TRIGGER = 'CPaaS Trigger';
const ACTION = 'Action';

type Json = Record<string, any>;

const GOOD_PARAMETERS: Json = {
	events: ['message.sent', 'message.delivered'],
	subscriptionFilters: { filter: [{ name: 'channel', value: 'sms' }] },
	batch: true,
	maxBatchSize: 500,
	batchTimeout: 2,
	settings: {},
};

interface ActivationCase {
	name: string;
	parameters?: Json;
	/** Credential data replacing the good credential's fields. */
	credential?: Json;
	error: RegExp;
}

const ACTIVATION_CASES: ActivationCase[] = [
	{
		name: 'no event type',
		parameters: { events: [] },
		// n8n 2.x refuses to publish a node with an empty required parameter before the node runs.
		error: /Choose at least one event type|Missing or invalid required parameters: events/,
	},
	{
		name: 'an unknown event type',
		parameters: { events: ['message.sent', 'no.such.event'] },
		error: /Unknown event type in "Event Names or IDs": "no\.such\.event"/,
	},
	{
		name: 'Max Batch Size 0',
		parameters: { maxBatchSize: 0 },
		error: /"Max Batch Size" must be a whole number from 1 to 500, got 0/,
	},
	{
		name: 'Max Batch Size 501',
		parameters: { maxBatchSize: 501 },
		error: /"Max Batch Size" must be a whole number from 1 to 500/,
	},
	{
		name: 'Batch Timeout 2.5',
		parameters: { batchTimeout: 2.5 },
		error: /"Batch Timeout \(Seconds\)" must be a whole number from 1 to 60/,
	},
	{
		name: 'Batch Timeout as text',
		parameters: { batchTimeout: 'soon' },
		error: /Batch Timeout/,
	},
	{
		name: 'Remember Event IDs -1',
		parameters: { settings: { rememberEvents: -1 } },
		error: /"Options → Remember Event IDs" must be a whole number of at least 0/,
	},
	{
		name: 'a filter with a name but no value',
		parameters: { subscriptionFilters: { filter: [{ name: 'channel', value: '' }] } },
		error: /filter 1 has the name "channel" but no value/,
	},
	{
		name: 'a filter with a value but no name',
		parameters: { subscriptionFilters: { filter: [{ name: ' ', value: 'sms' }] } },
		error: /filter 1 has a value but no name/,
	},
	{
		name: 'a filter the event types do not offer',
		parameters: { subscriptionFilters: { filter: [{ name: 'chanel', value: 'sms' }] } },
		error: /"Subscription Filters": "chanel" is not a filter of the chosen event types/,
	},
	{
		name: 'Only Event Names outside the subscription',
		parameters: { settings: { onlyEventNames: ['message.read'] } },
		error:
			/"Only Event Names or IDs" lists "message\.read", which the webhook does not subscribe to/,
	},
	{
		name: 'a control character in the webhook name',
		parameters: { settings: { webhookName: 'orders\u0007' } },
		error: /"Options → Webhook Name" contains a control character/,
	},
	{
		name: 'a wrong password',
		credential: { password: 'wrong-password-9f9f' },
		// n8n 2.x shows the vendor's status; n8n 1.x its own text for a 401.
		error: /HTTP 401|Check the credential: the key or secret is wrong/,
	},
	{
		name: 'no password',
		credential: { password: '' },
		error: /Cannot derive the webhook secret/,
	},
	{
		name: 'a custom base URL that is not http(s)',
		credential: { customBaseUrl: 'ftp://127.0.0.1/cpaas' },
		error: /Custom Base URL/,
	},
	{
		name: 'an unknown region',
		credential: { customBaseUrl: '', region: 'r9' },
		error: /Region/,
	},
];

const caseId = (i: number) => `biTrig${String(i).padStart(2, '0')}`;
const webhookIdOf = (i: number) => `7a0c0000-0000-4000-8000-${String(i).padStart(12, '0')}`;
const DELIVERY_WORKFLOW = 'biTrigDeliveries';
const DELIVERY_WEBHOOK = '7a0c0000-0000-4000-8000-999999999999';

function triggerWorkflow(
	id: string,
	webhookId: string,
	parameters: Json,
	credential: { id: string; name: string },
	actionUrl?: string,
) {
	const nodes: Json[] = [
		{
			id: `${id}-trigger`,
			name: TRIGGER,
			type: nodeType('dotdigitalCpaasTrigger'),
			typeVersion: 1,
			position: [0, 0],
			webhookId,
			parameters,
			credentials: { dotdigitalCpaasApi: credential },
		},
	];
	if (actionUrl) {
		nodes.push({
			id: `${id}-action`,
			name: ACTION,
			type: 'n8n-nodes-base.httpRequest',
			typeVersion: 4.2,
			position: [220, 0],
			parameters: {
				method: 'POST',
				url: actionUrl,
				sendBody: true,
				specifyBody: 'json',
				jsonBody: '={{ JSON.stringify({ eventId: $json.eventId ?? null }) }}',
				options: {},
			},
		});
	}
	return {
		id,
		name: id,
		active: false,
		nodes,
		connections: actionUrl
			? { [TRIGGER]: { main: [[{ node: ACTION, type: 'main', index: 0 }]] } }
			: {},
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}

/** Where the workflow's action posts each item's eventId: what "reached the actions" counts. */
async function startActionSink() {
	const counts = new Map<string, number>();
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			try {
				const id = String(JSON.parse(Buffer.concat(chunks).toString('utf8')).eventId);
				counts.set(id, (counts.get(id) ?? 0) + 1);
			} catch {
				// not ours
			}
			res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/action`,
		counts,
		total: () => [...counts.values()].reduce((a, b) => a + b, 0),
		stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
	};
}

describe('dotdigital CPaaS Trigger: bad input in a real n8n', () => {
	const state: Json = {};
	let sim: Simulator;
	let n8n: N8n;
	let server: N8nServer;
	let sink: Awaited<ReturnType<typeof startActionSink>>;
	let hook: StoredWebhook;

	const activeHooks = () =>
		[...(state.webhooks as Map<string, StoredWebhook>).values()].filter((h) => !h._deleted);
	const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

	async function executionCount(): Promise<number> {
		const filter = encodeURIComponent(JSON.stringify({ workflowId: DELIVERY_WORKFLOW }));
		return (await server.rest<{ count: number }>('GET', `/executions?filter=${filter}&limit=1`))
			.count;
	}

	/** Waits until no execution runs and the sink has been quiet for a while. */
	async function waitIdle(quietMs = 2500, timeoutMs = 120_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		let last = -1;
		let quietSince = Date.now();
		while (Date.now() < deadline) {
			const filter = encodeURIComponent(
				JSON.stringify({ workflowId: DELIVERY_WORKFLOW, status: ['new', 'running'] }),
			);
			const busy = await server
				.rest<{ count: number }>('GET', `/executions?filter=${filter}&limit=1`)
				.then(
					(r) => r.count,
					() => 1,
				);
			if (sink.total() !== last || busy > 0) {
				last = sink.total();
				quietSince = Date.now();
			} else if (Date.now() - quietSince >= quietMs) return;
			await sleep(250);
		}
		throw new Error('n8n did not become idle');
	}

	/**
	 * Activates a workflow and returns the activation's error text ('' when it activated). n8n 1.x
	 * answers the REST call with the error; n8n 2.x publishes through an outbox and reports each
	 * trigger's error in the publication status.
	 */
	async function activationError(id: string): Promise<string> {
		const workflow = await server.rest('GET', `/workflows/${id}`);
		try {
			await server.rest('POST', `/workflows/${id}/activate`, { versionId: workflow.versionId });
		} catch (error) {
			// n8n 1.x: `n8n POST /rest/… → 400: {"code":400,"message":"…"}`
			const text = String((error as Error).message);
			const json = /→ \d+: (\{.*\})$/s.exec(text)?.[1];
			try {
				return json ? String((JSON.parse(json) as Json).message ?? text) : text;
			} catch {
				return text;
			}
		}
		for (let i = 0; i < 240; i++) {
			let status: Json;
			try {
				status = await server.rest('GET', `/workflows/${id}/publication-status`);
			} catch {
				return ''; // n8n 1.x: no publication status, and the activation went through
			}
			if (status.status === 'failed')
				return (
					((status.triggers ?? []) as Json[]).map((t) => String(t.errorMessage ?? '')).join('\n') ||
					JSON.stringify(status)
				);
			if (status.status === 'published') return '';
			await sleep(250);
		}
		return 'the publication did not settle';
	}

	/** One POST to the webhook with exact bytes, content type and signature; never retried. */
	async function post(
		rawBody: string | Buffer,
		options: { signature?: string | null; contentType?: string } = {},
	): Promise<{ status: number; body: string }> {
		const bytes = typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody;
		const signature =
			options.signature === undefined
				? signBody(hook.secret!, bytes.toString('utf8'))
				: options.signature;
		const response = await fetch(hook.url, {
			method: 'POST',
			headers: {
				'content-type': options.contentType ?? 'application/json',
				...(signature !== null ? { 'x-comapi-signature': signature } : {}),
			},
			body: bytes,
		});
		return { status: response.status, body: await response.text() };
	}

	beforeAll(async () => {
		sim = createWebhookSimulator(state, (req) =>
			authToken(req, 'Basic') === Buffer.from(`${USERNAME}:${PASSWORD}`).toString('base64')
				? undefined
				: { status: 401, body: {} },
		);
		const url = await sim.start();
		sink = await startActionSink();
		n8n = await N8n.create('badinput-trigger');
		const goodData = {
			authMode: 'apiUser',
			region: 'r1',
			username: USERNAME,
			password: PASSWORD,
			customBaseUrl: `${url}/cpaas`,
		};
		await n8n.importCredentials([
			{ ...GOOD, type: 'dotdigitalCpaasApi', data: goodData },
			...ACTIVATION_CASES.flatMap((c, i) =>
				c.credential
					? [
							{
								id: `${caseId(i)}-cred`,
								name: `trigger bad input ${i}`,
								type: 'dotdigitalCpaasApi',
								data: { ...goodData, ...c.credential },
							},
						]
					: [],
			),
		]);
		await n8n.importWorkflows([
			...ACTIVATION_CASES.map((c, i) =>
				triggerWorkflow(
					caseId(i),
					webhookIdOf(i),
					{ ...GOOD_PARAMETERS, ...c.parameters },
					c.credential ? { id: `${caseId(i)}-cred`, name: `trigger bad input ${i}` } : GOOD,
				),
			),
			triggerWorkflow(DELIVERY_WORKFLOW, DELIVERY_WEBHOOK, GOOD_PARAMETERS, GOOD, sink.url),
		]);
		server = await N8nServer.start(n8n);
	}, 300_000);

	afterAll(async () => {
		await server?.stop();
		await sim?.stop();
		await sink?.stop();
		n8n?.cleanup();
	});

	describe('activation with bad settings or credentials fails, naming the field, and registers nothing', () => {
		ACTIVATION_CASES.forEach((c, i) => {
			it(c.name, async () => {
				const message = await activationError(caseId(i));
				expect(message).toMatch(c.error);
				expect(message).not.toContain(PASSWORD);
				expect(sim.requests(WEBHOOK_OPERATIONS.create)).toHaveLength(0);
				expect(activeHooks()).toHaveLength(0);
			});
		});
	});

	describe('bad deliveries get a clear answer and lose no valid event', () => {
		beforeAll(async () => {
			await server.activate(DELIVERY_WORKFLOW);
			for (let i = 0; i < 40 && activeHooks().length === 0; i++) await sleep(250);
			[hook] = activeHooks();
			expect(hook.url).toBe(server.webhookUrl(DELIVERY_WEBHOOK, 'webhook'));
		});

		/** Sends a delivery that must start nothing, and checks that it did not. */
		async function startsNothing(
			rawBody: string | Buffer,
			options: { signature?: string | null; contentType?: string },
			expected: { status: number; body?: string | Json },
		): Promise<void> {
			const before = await executionCount();
			const sunk = sink.total();
			const answer = await post(rawBody, options);
			expect(answer.status).toBe(expected.status);
			if (typeof expected.body === 'string') expect(answer.body).toBe(expected.body);
			else if (expected.body) expect(JSON.parse(answer.body)).toEqual(expected.body);
			await sleep(1500);
			expect(await executionCount()).toBe(before);
			expect(sink.total()).toBe(sunk);
		}

		const event = () => JSON.stringify(makeEvent('message.sent'));
		const UNAUTHORIZED = { status: 401, body: 'Unauthorized' };

		it('no signature header: 401', async () => {
			await startsNothing(event(), { signature: null }, UNAUTHORIZED);
		});
		it('an empty signature: 401', async () => {
			await startsNothing(event(), { signature: '' }, UNAUTHORIZED);
		});
		it('a signature of other bytes: 401', async () => {
			await startsNothing(event(), { signature: signBody(hook.secret!, '{}') }, UNAUTHORIZED);
		});
		it('a signature made with another secret: 401', async () => {
			const body = event();
			await startsNothing(body, { signature: signBody('not-the-secret', body) }, UNAUTHORIZED);
		});
		it('a body changed after signing (one byte added): 401', async () => {
			const body = event();
			await startsNothing(`${body} `, { signature: signBody(hook.secret!, body) }, UNAUTHORIZED);
		});
		it('a signature that is not hex: 401', async () => {
			await startsNothing(event(), { signature: 'z'.repeat(40) }, UNAUTHORIZED);
		});

		it('a signed body that is not JSON: 400, which dotdigital does not retry', async () => {
			await startsNothing(
				'{"eventId": ',
				{},
				{ status: 400, body: { error: 'The body is not JSON' } },
			);
		});
		it('a signed empty body: 400', async () => {
			await startsNothing('', {}, { status: 400, body: { error: 'The body is not JSON' } });
		});
		for (const [label, body] of [
			['a JSON string', '"hello"'],
			['a number', '42'],
			['null', 'null'],
			['an empty object', '{}'],
			['an object with neither eventId nor name', '{"payload":{"id":"x"}}'],
		] as const) {
			it(`signed JSON that is ${label}: 400, not an event`, async () => {
				await startsNothing(
					body,
					{},
					{ status: 400, body: { error: 'The body is not an event or a list of events' } },
				);
			});
		}
		it('a signed batch with no event in it: 400', async () => {
			await startsNothing(
				'[1, "x", null, {}]',
				{},
				{
					status: 400,
					body: { error: 'The body holds no events (objects with an eventId or a name)' },
				},
			);
		});
		it('a signed empty batch: 200 with nothing received, and no execution', async () => {
			await startsNothing(
				'[]',
				{},
				{ status: 200, body: { received: 0, accepted: 0, duplicates: 0 } },
			);
		});

		it('a batch mixing events and entries that are not events: the events go on, the rest is counted', async () => {
			const a = makeEvent('message.sent');
			const b = makeEvent('message.delivered');
			const answer = await post(JSON.stringify([a, 3, {}, null, b]));
			expect(answer.status).toBe(200);
			expect(JSON.parse(answer.body)).toEqual({
				received: 2,
				accepted: 2,
				duplicates: 0,
				invalid: 3,
			});
			await waitIdle();
			expect([sink.counts.get(a.eventId), sink.counts.get(b.eventId)]).toEqual([1, 1]);
		});

		it('an event without an eventId is passed on (it cannot be recognised again) and the answer says so', async () => {
			const { eventId: _drop, ...anonymous } = makeEvent('message.sent');
			void _drop;
			const before = sink.counts.get('null') ?? 0;
			const answer = await post(JSON.stringify(anonymous));
			expect(answer.status).toBe(200);
			expect(JSON.parse(answer.body)).toEqual({
				received: 1,
				accepted: 1,
				duplicates: 0,
				withoutEventId: 1,
			});
			await waitIdle();
			expect(sink.counts.get('null')).toBe(before + 1);
		});

		for (const contentType of [
			'text/plain',
			'application/octet-stream',
			'application/json; charset=utf-8',
		]) {
			it(`a signed event sent as ${contentType} is verified on its bytes and accepted`, async () => {
				const e = makeEvent('message.sent');
				const answer = await post(JSON.stringify(e), { contentType });
				expect(answer.status).toBe(200);
				expect(JSON.parse(answer.body)).toMatchObject({ received: 1, accepted: 1 });
				await waitIdle();
				expect(sink.counts.get(e.eventId)).toBe(1);
			});
		}

		it('a full batch (500 events, the largest dotdigital sends) reaches the actions once per event', async () => {
			const events = Array.from({ length: 500 }, () =>
				makeEvent('message.delivered', { details: { channel: 'sms', text: 'x'.repeat(1500) } }),
			);
			const answer = await post(JSON.stringify(events));
			expect(answer.status).toBe(200);
			expect(JSON.parse(answer.body)).toEqual({ received: 500, accepted: 500, duplicates: 0 });
			await waitIdle();
			expect(events.filter((e) => sink.counts.get(e.eventId) === 1)).toHaveLength(500);
		});

		it('a huge body (20 MB) gets 413 or a closed connection (never 400, which dotdigital would drop), starts nothing, and n8n goes on', async () => {
			const huge = JSON.stringify([
				makeEvent('message.sent', { blob: 'x'.repeat(20 * 1024 * 1024) }),
			]);
			await waitIdle();
			const before = await executionCount();
			let status = 0;
			let body = '';
			try {
				({ status, body } = await post(huge));
			} catch {
				status = 0; // closed before the whole body was read: dotdigital retries that too
			}
			// 413, not 400: dotdigital retries it rather than dropping it.
			expect([0, 413]).toContain(status);
			if (status === 413 && body.startsWith('{'))
				expect(JSON.parse(body)).toEqual({ error: 'The body is larger than 16 MB' });
			await sleep(1500);
			expect(await executionCount()).toBe(before);
			// The next delivery is handled as usual.
			const e = makeEvent('message.sent');
			const next = await sendRaw(
				state,
				hook,
				JSON.stringify(e),
				signBody(hook.secret!, JSON.stringify(e)),
				{
					maxAttempts: 3,
					retryDelaysMs: [1000, 2000],
				},
			);
			expect(next.status).toBe(200);
			await waitIdle();
			expect(sink.counts.get(e.eventId)).toBe(1);
		});

		it('a GET to the webhook URL is not a delivery', async () => {
			const response = await fetch(hook.url);
			expect(response.status).toBe(404);
		});

		it('never shows the webhook secret or the password in n8n output', () => {
			expect(server.output).not.toContain(hook.secret!);
			expect(server.output).not.toContain(PASSWORD);
		});
	});
});
