jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn() }));

import { NodeApiError, sleep } from 'n8n-workflow';

import type { VendorApi } from '../../../nodes/shared/transport';
import { apiRequest, apiRequestFull, fillPath } from '../../../nodes/shared/transport';
import { mockContext, n8nHttpError } from './mock-context';

const sleepMock = sleep as jest.MockedFunction<typeof sleep>;
// A made-up test value, built at run time so it reads as what it is: a fixture.
const SECRET = ['sk', 'test', '9f8e7d6c5b4a'].join('-');
const AUTH = `Bearer ${SECRET}`;

const api: VendorApi = {
	name: 'Acme',
	credentialType: 'acmeApi',
	baseUrl: (c) => String(c.baseUrl),
	pathParams: (c) => ({ account: String(c.account) }),
	errorMessage: (body) => (body as { error?: { text?: string } } | undefined)?.error?.text,
	bodyError: (body) => {
		const status = (body as { status?: { code?: number; desc?: string } } | undefined)?.status;
		return status && status.code !== 1000
			? { message: status.desc ?? 'failed', code: status.code }
			: undefined;
	},
	retry: { maxRetries: 6, baseDelayMs: 100, maxDelayMs: 5000, maxTotalWaitMs: 20_000 },
};
const CREDENTIALS = { baseUrl: 'http://127.0.0.1:9/api/', account: 'team a/b', apiKey: SECRET };

const networkError = (code: string) =>
	n8nHttpError({ code, message: `connect ${code} 127.0.0.1:9`, authorization: AUTH });

async function failure(promise: Promise<unknown>): Promise<NodeApiError> {
	try {
		await promise;
	} catch (error) {
		return error as NodeApiError;
	}
	throw new Error('expected the request to fail');
}

beforeEach(() => {
	sleepMock.mockClear();
	jest.spyOn(Math, 'random').mockReturnValue(0);
});
afterEach(() => jest.restoreAllMocks());

describe('apiRequestFull retries', () => {
	it('retries a 429 and then succeeds', async () => {
		const { ctx, sent } = mockContext({
			credentials: CREDENTIALS,
			authorization: AUTH,
			outcomes: [{ status: 429 }, { status: 429 }, { status: 200, body: { ok: true } }],
		});
		const response = await apiRequestFull.call(ctx, api, {
			method: 'POST',
			path: '/things',
			body: { a: 1 },
		});
		expect(response.body).toEqual({ ok: true });
		expect(response.statusCode).toBe(200);
		expect(sent).toHaveLength(3);
		// Back-off without vendor headers: 100 ms, then 200 ms (jitter at its low end: step/2).
		expect(sleepMock.mock.calls.map(([ms]) => ms)).toEqual([50, 100]);
	});

	it('waits what Retry-After asks for', async () => {
		const { ctx } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [
				{ status: 429, headers: { 'retry-after': '3' } },
				{ status: 200, body: {} },
			],
		});
		await apiRequestFull.call(ctx, api, { method: 'GET', path: '/things' });
		expect(sleepMock).toHaveBeenCalledTimes(1);
		expect(sleepMock).toHaveBeenCalledWith(3000);
	});

	it('waits for X-RateLimit-Reset on a 429 that says the window is used up', async () => {
		const { ctx } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [
				{ status: 429, headers: { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset': '2' } },
				{ status: 200, body: {} },
			],
		});
		await apiRequestFull.call(ctx, api, { method: 'POST', path: '/things', body: {} });
		expect(sleepMock).toHaveBeenCalledWith(2000);
	});

	it('probes a silent 429 at a short step, up to its own retry count, under the wait budget', async () => {
		const throttling = {
			...api,
			retry: { ...api.retry, throttle: { maxStepMs: 300, maxRetries: 30 } },
		};
		const { ctx, sent } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [
				...Array.from({ length: 20 }, () => ({ status: 429 })),
				{ status: 200, body: { ok: true } },
			],
		});
		jest.spyOn(Math, 'random').mockReturnValue(0.999999);
		const response = await apiRequestFull.call(ctx, throttling, { method: 'GET', path: '/x' });
		expect(response.body).toEqual({ ok: true });
		expect(sent).toHaveLength(21);
		// 100 ms, 200 ms, then never more than the throttle step (not 400, 800, … up to 5 s).
		expect(sleepMock.mock.calls.map(([ms]) => ms)).toEqual([100, 200, ...Array(18).fill(300)]);

		// Other failures keep the exponential step and maxRetries.
		sleepMock.mockClear();
		const other = mockContext({
			credentials: CREDENTIALS,
			outcomes: Array.from({ length: 10 }, () => ({ status: 503 })),
		});
		await failure(apiRequestFull.call(other.ctx, throttling, { method: 'GET', path: '/x' }));
		expect(other.sent).toHaveLength(7);
		expect(sleepMock.mock.calls.map(([ms]) => ms)).toEqual([100, 200, 400, 800, 1600, 3200]);
	});

	it('stops at the total-wait bound with a clear error', async () => {
		const { ctx, sent } = mockContext({
			credentials: CREDENTIALS,
			outcomes: Array.from({ length: 10 }, () => ({
				status: 429,
				headers: { 'retry-after': '4' },
			})),
		});
		const error = await failure(
			apiRequestFull.call(
				ctx,
				{ ...api, retry: { ...api.retry, maxTotalWaitMs: 10_000 } },
				{ method: 'GET', path: '/things', itemIndex: 2 },
			),
		);
		// 4 s + 4 s fit in 10 s, a third wait would not.
		expect(sleepMock.mock.calls.map(([ms]) => ms)).toEqual([4000, 4000]);
		expect(sent).toHaveLength(3);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe('Acme returned an error (HTTP 429) after 2 retries [item 2]');
		expect(error.description).toMatch(/kept rate-limiting/);
		expect(error.httpCode).toBe('429');
	});

	it('stops after maxRetries even when the wait bound allows more', async () => {
		const { ctx, sent } = mockContext({
			credentials: CREDENTIALS,
			outcomes: Array.from({ length: 10 }, () => ({ status: 503 })),
		});
		await failure(
			apiRequestFull.call(
				ctx,
				{ ...api, retry: { ...api.retry, maxRetries: 2 } },
				{ method: 'GET', path: '/x' },
			),
		);
		expect(sent).toHaveLength(3);
	});

	it('does not replay a POST without a dedupe key after a 500', async () => {
		const { ctx, sent } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [
				{ status: 500, body: { error: { text: 'boom' } } },
				{ status: 200, body: {} },
			],
		});
		const error = await failure(
			apiRequestFull.call(ctx, api, { method: 'POST', path: '/things', body: {} }),
		);
		expect(sent).toHaveLength(1);
		expect(sleepMock).not.toHaveBeenCalled();
		expect(error.message).toBe(
			'Outcome unknown: Acme may have accepted this request (HTTP 500: boom)',
		);
	});

	it('does not replay a POST without a dedupe key after a connection reset', async () => {
		const { ctx, sent } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [{ throws: networkError('ECONNRESET') }, { status: 200, body: {} }],
		});
		const error = await failure(
			apiRequestFull.call(ctx, api, { method: 'POST', path: '/things', body: {} }),
		);
		expect(sent).toHaveLength(1);
		expect(sleepMock).not.toHaveBeenCalled();
		expect(error).toBeInstanceOf(NodeApiError);
	});

	it('retries a POST refused before it was sent (ECONNREFUSED)', async () => {
		const { ctx, sent } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [{ throws: networkError('ECONNREFUSED') }, { status: 201, body: { id: 1 } }],
		});
		const response = await apiRequestFull.call(ctx, api, {
			method: 'POST',
			path: '/things',
			body: {},
		});
		expect(response.body).toEqual({ id: 1 });
		expect(sent).toHaveLength(2);
	});

	it('gives up on a refused connection after two retries, and does not retry an unknown host', async () => {
		const refused = mockContext({
			credentials: CREDENTIALS,
			outcomes: [1, 2, 3, 4].map(() => ({ throws: networkError('ECONNREFUSED') })),
		});
		const error = await failure(
			apiRequestFull.call(refused.ctx, api, { method: 'GET', path: '/things' }),
		);
		expect(refused.sent).toHaveLength(3);
		expect(error.message).toMatch(/^Acme returned an error after 2 retries: /);

		const unknownHost = mockContext({
			credentials: CREDENTIALS,
			outcomes: [{ throws: networkError('ENOTFOUND') }],
		});
		await failure(apiRequestFull.call(unknownHost.ctx, api, { method: 'GET', path: '/things' }));
		expect(unknownHost.sent).toHaveLength(1);
	});

	it('retries a POST after 429 even without a dedupe key (the vendor did nothing)', async () => {
		const { ctx, sent } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [{ status: 429 }, { status: 201, body: {} }],
		});
		await apiRequestFull.call(ctx, api, { method: 'POST', path: '/things', body: {} });
		expect(sent).toHaveLength(2);
	});

	it('sends the same dedupe key on every attempt and replays a dedupe-keyed POST after 500 and reset', async () => {
		const { ctx, sent } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [
				{ status: 500 },
				{ throws: networkError('ECONNRESET') },
				{ status: 429 },
				{ status: 201, body: {} },
			],
		});
		await apiRequestFull.call(ctx, api, {
			method: 'POST',
			path: '/things',
			body: {},
			dedupeHeader: 'x-request-id',
		});
		expect(sent).toHaveLength(4);
		const keys = sent.map((r) => r.headers['x-request-id']);
		expect(keys[0]).toMatch(/^[0-9a-f]{32}$/);
		expect(new Set(keys).size).toBe(1);
	});

	it('makes a new dedupe key for each call and keeps one the caller gave', async () => {
		const { ctx, sent } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [
				{ status: 200, body: {} },
				{ status: 200, body: {} },
				{ status: 200, body: {} },
			],
		});
		await apiRequestFull.call(ctx, api, {
			method: 'POST',
			path: '/a',
			dedupeHeader: 'x-request-id',
		});
		await apiRequestFull.call(ctx, api, {
			method: 'POST',
			path: '/a',
			dedupeHeader: 'x-request-id',
		});
		await apiRequestFull.call(ctx, api, {
			method: 'POST',
			path: '/a',
			dedupeHeader: 'x-request-id',
			headers: { 'x-request-id': 'mine' },
		});
		expect(sent[0].headers['x-request-id']).not.toBe(sent[1].headers['x-request-id']);
		expect(sent[2].headers['x-request-id']).toBe('mine');
	});

	it('replays a POST marked idempotent after a 500', async () => {
		const { ctx, sent } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [{ status: 500 }, { status: 200, body: {} }],
		});
		await apiRequestFull.call(ctx, api, { method: 'POST', path: '/search', idempotent: true });
		expect(sent).toHaveLength(2);
	});

	it('does not replay a PUT marked not idempotent after a 502', async () => {
		const { ctx, sent } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [{ status: 502 }, { status: 200, body: {} }],
		});
		await failure(apiRequestFull.call(ctx, api, { method: 'PUT', path: '/x', idempotent: false }));
		expect(sent).toHaveLength(1);
	});

	it('retries a GET after 503 and after a connection reset', async () => {
		const { ctx, sent } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [
				{ status: 503 },
				{ throws: networkError('ECONNRESET') },
				{ status: 200, body: [1, 2] },
			],
		});
		const body = await apiRequest.call(ctx, api, { method: 'GET', path: '/things' });
		expect(body).toEqual([1, 2]);
		expect(sent).toHaveLength(3);
	});

	it.each([400, 401, 403, 404, 409, 422])('fails at once on HTTP %i', async (status) => {
		const { ctx, sent } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [
				{ status, body: { error: { text: 'vendor says no' } } },
				{ status: 200, body: {} },
			],
		});
		const error = await failure(
			apiRequestFull.call(ctx, api, { method: 'GET', path: '/things', itemIndex: 0 }),
		);
		expect(sent).toHaveLength(1);
		expect(sleepMock).not.toHaveBeenCalled();
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(`Acme returned an error (HTTP ${status}): vendor says no [item 0]`);
		expect(error.httpCode).toBe(String(status));
		expect(error.context.itemIndex).toBe(0);
	});

	it('uses a vendor text body when the envelope has no message, and decodes a binary body', async () => {
		const { ctx } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [
				{ status: 400, body: 'plain words' },
				{ status: 400, body: Buffer.from(JSON.stringify({ error: { text: 'from a buffer' } })) },
			],
		});
		expect(
			(await failure(apiRequestFull.call(ctx, api, { method: 'GET', path: '/a' }))).message,
		).toContain('plain words');
		expect(
			(
				await failure(
					apiRequestFull.call(ctx, api, { method: 'GET', path: '/a', encoding: 'arraybuffer' }),
				)
			).message,
		).toContain('from a buffer');
	});

	it('fails a 2xx whose body reports a failure, with the vendor code, and does not retry it', async () => {
		const { ctx, sent } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [{ status: 200, body: { status: { code: 1004, desc: 'Bot not found' } } }],
		});
		const error = await failure(
			apiRequestFull.call(ctx, api, { method: 'POST', path: '/x', itemIndex: 4 }),
		);
		expect(sent).toHaveLength(1);
		expect(error.message).toBe(
			'Acme returned an error (HTTP 200) [code 1004]: Bot not found [item 4]',
		);
	});

	it('paces: waits for the reset after a success that used up the window', async () => {
		const { ctx } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [
				{
					status: 200,
					body: {},
					headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': '2' },
				},
			],
		});
		await apiRequestFull.call(ctx, api, { method: 'GET', path: '/x' });
		expect(sleepMock).toHaveBeenCalledWith(2000);
	});

	it('detects a malformed JSON body: a POST is not replayed, a GET is', async () => {
		const post = mockContext({
			credentials: CREDENTIALS,
			outcomes: [{ status: 200, body: '{"response": {"sta' }],
		});
		const error = await failure(apiRequestFull.call(post.ctx, api, { method: 'POST', path: '/x' }));
		expect(post.sent).toHaveLength(1);
		expect(error.message).toContain('not valid JSON');

		const get = mockContext({
			credentials: CREDENTIALS,
			outcomes: [
				{ status: 200, body: '[{"id": 1' },
				{ status: 200, body: [{ id: 1 }] },
			],
		});
		expect(await apiRequest.call(get.ctx, api, { method: 'GET', path: '/x' })).toEqual([{ id: 1 }]);
		expect(get.sent).toHaveLength(2);
	});

	it('accepts a text body when JSON is off', async () => {
		const { ctx } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [{ status: 200, body: '{not json' }],
		});
		expect(
			(await apiRequestFull.call(ctx, api, { method: 'GET', path: '/x', json: false })).body,
		).toBe('{not json');
	});
});

describe('apiRequestFull never leaks secrets', () => {
	const leakCheck = (error: NodeApiError, ...secrets: string[]) => {
		for (const secret of secrets) {
			expect(error.message).not.toContain(secret);
			expect(String(error.description ?? '')).not.toContain(secret);
			expect(JSON.stringify(error)).not.toContain(secret);
			expect(JSON.stringify(error.context)).not.toContain(secret);
		}
	};

	it('keeps the Authorization value out of an error whose vendor body echoes it', async () => {
		const { ctx } = mockContext({
			credentials: CREDENTIALS,
			authorization: AUTH,
			outcomes: [{ status: 401, body: { error: { text: `Invalid token ${AUTH} for account` } } }],
		});
		const error = await failure(apiRequestFull.call(ctx, api, { method: 'GET', path: '/me' }));
		expect(error.message).toContain('Invalid token');
		leakCheck(error, SECRET, AUTH);
	});

	it('keeps a Basic password and a bare key out of a network error message', async () => {
		const password = ['hunter2', 'fixture'].join('-');
		const { ctx } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [
				{
					throws: n8nHttpError({
						code: 'ECONNRESET',
						message: `socket hang up for user:${password} with key ${SECRET}`,
						authorization: SECRET,
						password,
					}),
				},
			],
		});
		const error = await failure(apiRequestFull.call(ctx, api, { method: 'POST', path: '/x' }));
		// A POST broken off by a reset: an unknown outcome, named by the network code alone (on both
		// n8n-workflow lines; neither n8n's text nor the client's, which carried the secrets, is kept).
		expect(error.message).toContain('Outcome unknown: Acme may have accepted this request');
		expect(error.message).toContain('ECONNRESET');
		leakCheck(error, SECRET, password);
	});
});

describe('paths and credentials', () => {
	it('fills {name} from the credential, URL-encoded, below a base URL without its trailing slash', async () => {
		const { ctx, sent } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [{ status: 200, body: {} }],
		});
		await apiRequestFull.call(ctx, api, {
			method: 'GET',
			path: '/accounts/{account}/users',
			qs: { page: 2 },
		});
		expect(sent[0].url).toBe('http://127.0.0.1:9/api/accounts/team%20a%2Fb/users');
		expect(sent[0].qs).toEqual({ page: 2 });
	});

	it('passes the array format through, so lists can go as id=a&id=b', async () => {
		const { ctx, httpRequestWithAuthentication } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [{ status: 200, body: {} }],
		});
		await apiRequestFull.call(ctx, api, {
			method: 'DELETE',
			path: '/bulk',
			qs: { id: ['a', 'b'] },
			arrayFormat: 'repeat',
		});
		expect(httpRequestWithAuthentication.mock.calls[0][1]).toMatchObject({
			qs: { id: ['a', 'b'] },
			arrayFormat: 'repeat',
		});
	});

	it("sends an absolute URL on the credential's origin as it is", async () => {
		const { ctx, sent } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [{ status: 200, body: {} }],
		});
		await apiRequestFull.call(ctx, api, {
			method: 'GET',
			path: 'http://127.0.0.1:9/other/{account}',
		});
		expect(sent[0].url).toBe('http://127.0.0.1:9/other/team%20a%2Fb');
	});

	it('refuses an absolute URL on another origin before sending anything', async () => {
		const { ctx, sent } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [{ status: 200, body: {} }],
		});
		const error = await failure(
			apiRequestFull.call(ctx, api, {
				method: 'GET',
				path: 'http://127.0.0.1:7/other',
				itemIndex: 2,
			}),
		);
		expect(error.message).toContain('http://127.0.0.1:7 is not on the credential');
		expect(error.message).not.toContain('returned an error');
		expect(sent).toHaveLength(0);
	});

	it('fillPath leaves unknown placeholders alone', () => {
		expect(fillPath('/a/{known}/{unknown}', { known: 'x y' })).toBe('/a/x%20y/{unknown}');
	});

	it('looks the credential up once per context', async () => {
		const first = mockContext({
			credentials: CREDENTIALS,
			outcomes: [
				{ status: 200, body: {} },
				{ status: 200, body: {} },
				{ status: 200, body: {} },
			],
		});
		await apiRequest.call(first.ctx, api, { method: 'GET', path: '/a' });
		await apiRequest.call(first.ctx, api, { method: 'GET', path: '/b' });
		await apiRequest.call(first.ctx, api, { method: 'GET', path: '/c' });
		expect(first.getCredentials).toHaveBeenCalledTimes(1);
		expect(first.getCredentials).toHaveBeenCalledWith('acmeApi');

		const second = mockContext({ credentials: CREDENTIALS, outcomes: [{ status: 200, body: {} }] });
		await apiRequest.call(second.ctx, api, { method: 'GET', path: '/a' });
		expect(second.getCredentials).toHaveBeenCalledTimes(1);
	});

	it('asks n8n to authenticate with the vendor credential type and the full response', async () => {
		const { ctx, httpRequestWithAuthentication } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [{ status: 200, body: {} }],
		});
		await apiRequestFull.call(ctx, api, { method: 'POST', path: '/a', body: { x: 1 } });
		const [type, options] = httpRequestWithAuthentication.mock.calls[0] as unknown as [
			string,
			Record<string, unknown>,
		];
		expect(type).toBe('acmeApi');
		expect(options).toMatchObject({
			method: 'POST',
			json: true,
			returnFullResponse: true,
			body: { x: 1 },
		});
	});
});
