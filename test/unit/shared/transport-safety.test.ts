jest.mock('n8n-workflow', () => ({ ...jest.requireActual('n8n-workflow'), sleep: jest.fn() }));

import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { maskSecrets, maskSecretsInBody, secretForms } from '../../../nodes/shared/secrets';
import type { VendorApi } from '../../../nodes/shared/transport';
import { apiRequestFull, DEFAULT_TIMEOUT_MS } from '../../../nodes/shared/transport';
import {
	checkBaseUrl,
	checkKnownValue,
	CredentialSettingError,
	isLinkLocalHost,
	redirectStep,
} from '../../../nodes/shared/urls';
import { mockContext, n8nHttpError } from './mock-context';

// Made-up fixture values, built at run time so they read as what they are.
const KEY = ['we', 'key', 'f00dfeed', '1234'].join('-');
const USER = 'apiuser-7@example.test';
const PASSWORD = ['pw', 'Secr3t/+?&', 'x'].join('_');
const b64 = (text: string) => Buffer.from(text).toString('base64');

const api: VendorApi = {
	name: 'Acme',
	credentialType: 'acmeApi',
	baseUrl: (c) => checkBaseUrl(c.baseUrl, 'Base URL'),
	errorMessage: (body) => (body as { message?: string } | undefined)?.message,
	secrets: (c) => [
		String(c.apiKey ?? ''),
		`${USER}:${String(c.password ?? '')}`,
		String(c.password ?? ''),
	],
	retry: { maxRetries: 3, baseDelayMs: 10, maxDelayMs: 100, maxTotalWaitMs: 1000 },
	timeoutMs: 20_000,
};
const CREDENTIALS = { baseUrl: 'http://127.0.0.1:9/api/', apiKey: KEY, password: PASSWORD };

async function failure(promise: Promise<unknown>): Promise<Error> {
	try {
		await promise;
	} catch (error) {
		return error as Error;
	}
	throw new Error('expected the request to fail');
}

afterEach(() => jest.restoreAllMocks());

describe('secret forms', () => {
	it('covers raw, base64 (padded or not), base64url, URL-encoded and JSON-escaped forms', () => {
		const forms = secretForms([KEY, `${USER}:${PASSWORD}`, PASSWORD]);
		for (const form of [
			KEY,
			b64(KEY),
			b64(`${USER}:${PASSWORD}`),
			b64(`${USER}:${PASSWORD}`).replace(/=+$/, ''),
			b64(PASSWORD).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''),
			encodeURIComponent(PASSWORD),
			PASSWORD,
		]) {
			expect(forms).toContain(form);
		}
		// Longest first, so a form containing another is masked whole.
		expect([...forms].sort((a, b) => b.length - a.length)).toEqual(forms);
		expect(secretForms(['', 'abc', undefined])).toEqual([]);
	});

	it('masks every form in text and in a parsed body, and leaves a clean body untouched', () => {
		const forms = secretForms([KEY, `${USER}:${PASSWORD}`]);
		const text = `bad key ${KEY}; header Basic ${b64(`${USER}:${PASSWORD}`)}; q=${encodeURIComponent(KEY)}`;
		const masked = maskSecrets(text, forms);
		expect(masked).not.toContain(KEY);
		expect(masked).not.toContain(b64(`${USER}:${PASSWORD}`));
		expect(masked).toBe('bad key ***; header Basic ***; q=***');
		const body = { list: [{ note: `key=${b64(KEY)}` }], [KEY]: 1, n: 5 };
		expect(maskSecretsInBody(body, forms)).toEqual({ list: [{ note: 'key=***' }], '***': 1, n: 5 });
		const clean = { list: [1, 2], name: 'x' };
		expect(maskSecretsInBody(clean, forms)).toBe(clean);
	});
});

describe('base URLs and known values', () => {
	it('accepts http and https URLs, trimmed of trailing slashes', () => {
		expect(checkBaseUrl(' https://api.example.com/v1/ ', 'Base URL')).toBe(
			'https://api.example.com/v1',
		);
		expect(checkBaseUrl('http://127.0.0.1:9', 'Base URL')).toBe('http://127.0.0.1:9');
	});

	it.each([
		['ftp://api.example.com', /must start with https:\/\/ or http:\/\//],
		['javascript:alert(1)', /must start with https:\/\/ or http:\/\//],
		['api.example.com', /not a URL/],
		['', /empty/],
		['http://169.254.169.254', /link-local/],
		['http://169.254.169.254.nip.io', /^(?!)/], // a DNS name is the user's choice (not link-local by its text)
		['http://[fe80::1]/', /link-local/],
		['https://user:pw@api.example.com', /user name or password/],
	])('%s', (value, expected) => {
		if (value === 'http://169.254.169.254.nip.io') {
			expect(checkBaseUrl(value, 'Base URL')).toBe(value);
			return;
		}
		expect(() => checkBaseUrl(value, 'Base URL')).toThrow(expected);
		expect(() => checkBaseUrl(value, 'Base URL')).toThrow(CredentialSettingError);
	});

	it('knows link-local hosts', () => {
		expect(isLinkLocalHost('169.254.0.1')).toBe(true);
		expect(isLinkLocalHost('[fe80::abcd]')).toBe(true);
		expect(isLinkLocalHost('127.0.0.1')).toBe(false);
		expect(isLinkLocalHost('api.webengage.com')).toBe(false);
	});

	it('names the field and the allowed values for an unknown value', () => {
		expect(checkKnownValue('r2', 'Region', ['r1', 'r2'])).toBe('r2');
		expect(() => checkKnownValue('r9', 'Region', ['r1', 'r2'])).toThrow(
			'"Region" is "r9", which is not a known value (r1, r2)',
		);
	});
});

describe('redirect steps', () => {
	it('resolves Location against the answering URL and tells whether it stays on the origin', () => {
		expect(redirectStep('http://a.test:1/x/y', 307, '/z?q=1', 'POST')).toEqual({
			url: 'http://a.test:1/z?q=1',
			method: 'POST',
			dropBody: false,
			sameOrigin: true,
		});
		expect(redirectStep('http://a.test:1/x', 307, 'http://a.test:2/x', 'POST')?.sameOrigin).toBe(
			false,
		);
		expect(redirectStep('http://a.test/x', 303, '/y', 'POST')).toMatchObject({
			method: 'GET',
			dropBody: true,
		});
		expect(redirectStep('http://a.test/x', 302, '/y', 'POST')).toMatchObject({
			method: 'GET',
			dropBody: true,
		});
		expect(redirectStep('http://a.test/x', 302, '/y', 'PUT')).toMatchObject({
			method: 'PUT',
			dropBody: false,
		});
	});
});

describe('apiRequestFull: redirects', () => {
	it('does not let n8n follow redirects, and sets a timeout on every attempt', async () => {
		const { ctx, httpRequestWithAuthentication } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [{ status: 200, body: {} }],
		});
		await apiRequestFull.call(ctx, api, { method: 'GET', path: '/x' });
		const options = httpRequestWithAuthentication.mock.calls[0][1];
		expect(options.disableFollowRedirect).toBe(true);
		expect(options.timeout).toBe(20_000);
		expect(options.abortSignal).toBeDefined();
	});

	it('aborts an attempt when the user cancels the execution, too', async () => {
		const { ctx, httpRequestWithAuthentication } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [{ status: 200, body: {} }],
		});
		const cancel = new AbortController();
		(ctx as unknown as Record<string, unknown>).getExecutionCancelSignal = () => cancel.signal;
		await apiRequestFull.call(ctx, api, { method: 'GET', path: '/x' });
		const signal = httpRequestWithAuthentication.mock.calls[0][1].abortSignal as AbortSignal;
		expect(signal.aborted).toBe(false);
		cancel.abort();
		expect(signal.aborted).toBe(true);
	});

	it('refuses a redirect to another origin: one request, nothing sent there', async () => {
		const { ctx, sent } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [
				{ status: 307, headers: { location: 'http://127.0.0.1:8/steal' } },
				{ status: 200, body: {} },
			],
		});
		const error = await failure(
			apiRequestFull.call(ctx, api, {
				method: 'POST',
				path: '/send',
				body: { a: 1 },
				itemIndex: 0,
			}),
		);
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toContain(
			'redirected the request to another origin (http://127.0.0.1:8)',
		);
		expect(error.message).toContain('[item 0]');
		expect(sent.map((r) => r.url)).toEqual(['http://127.0.0.1:9/api/send']);
	});

	it('follows a same-origin 307 with method and body, and a 303 as a GET without body', async () => {
		const { ctx, sent } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [
				{ status: 307, headers: { location: '/api/v2/send' } },
				{ status: 303, headers: { location: 'http://127.0.0.1:9/api/status/1' } },
				{ status: 200, body: { ok: 1 } },
			],
		});
		const response = await apiRequestFull.call(ctx, api, {
			method: 'POST',
			path: '/send',
			body: { a: 1 },
		});
		expect(response.body).toEqual({ ok: 1 });
		expect(sent.map((r) => [r.method, r.url, r.body])).toEqual([
			['POST', 'http://127.0.0.1:9/api/send', { a: 1 }],
			['POST', 'http://127.0.0.1:9/api/v2/send', { a: 1 }],
			['GET', 'http://127.0.0.1:9/api/status/1', undefined],
		]);
	});

	it('stops after 5 same-origin redirects', async () => {
		const loop = { status: 302, headers: { location: '/api/loop' } };
		const { ctx, sent } = mockContext({ credentials: CREDENTIALS, outcomes: Array(8).fill(loop) });
		const error = await failure(apiRequestFull.call(ctx, api, { method: 'GET', path: '/loop' }));
		expect(error.message).toContain('more than 5 times');
		expect(sent).toHaveLength(6);
	});

	it('fetches a file URL on another origin without credentials only when the call asks for it', async () => {
		const { ctx, sent } = mockContext({ credentials: CREDENTIALS, outcomes: [] });
		const httpRequest = jest.fn(async () => ({ body: 'file', statusCode: 200, headers: {} }));
		(ctx.helpers as unknown as Record<string, unknown>).httpRequest = httpRequest;
		await apiRequestFull.call(ctx, api, {
			method: 'GET',
			path: 'http://files.test/f/1',
			crossOrigin: 'withoutCredentials',
			json: false,
		});
		expect(sent).toHaveLength(0);
		expect(httpRequest).toHaveBeenCalledTimes(1);
	});
});

describe('apiRequestFull: echoed secrets', () => {
	it('masks the key, the password and base64(user:password) echoed by a 401', async () => {
		const echo = `Invalid credentials ${KEY} / Basic ${b64(`${USER}:${PASSWORD}`)} / ${b64(KEY)} / ${PASSWORD}`;
		const { ctx } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [{ status: 401, body: { message: echo } }],
		});
		const error = await failure(apiRequestFull.call(ctx, api, { method: 'GET', path: '/me' }));
		const everything = JSON.stringify({
			message: error.message,
			description: (error as NodeApiError).description,
			error,
		});
		for (const form of [KEY, PASSWORD, b64(KEY), b64(`${USER}:${PASSWORD}`)])
			expect(everything).not.toContain(form);
		expect(error.message).toContain('Invalid credentials ***');
	});

	it('masks a secret echoed by a vendor that throws (token-refresh vendors) and by a 2xx body', async () => {
		const thrower = { ...api, refreshTokenOn401: true };
		const { ctx } = mockContext({
			credentials: CREDENTIALS,
			outcomes: [
				{
					throws: n8nHttpError({
						status: 403,
						data: { message: `no access for ${encodeURIComponent(PASSWORD)}` },
					}),
				},
				{ status: 200, body: { echo: { header: `Bearer ${KEY}` } } },
			],
		});
		const error = await failure(apiRequestFull.call(ctx, thrower, { method: 'GET', path: '/a' }));
		expect(error.message).not.toContain(encodeURIComponent(PASSWORD));
		const ok = await apiRequestFull.call(ctx, thrower, { method: 'GET', path: '/b' });
		expect(JSON.stringify(ok.body)).not.toContain(KEY);
	});
});

describe('apiRequestFull: timeouts', () => {
	/** Each request helper call "takes" `ms` of clock time and then fails like a timed-out socket. */
	function hangingClock(ms: number) {
		let now = 1_000_000;
		jest.spyOn(Date, 'now').mockImplementation(() => now);
		return () => {
			now += ms;
			return n8nHttpError({ code: 'ECONNABORTED', message: 'timeout exceeded' });
		};
	}

	it('uses the user option (seconds) over the call and vendor defaults', async () => {
		const { ctx, httpRequestWithAuthentication } = mockContext({
			credentials: CREDENTIALS,
			parameters: { 'requestOptions.timeout': 5 },
			outcomes: [
				{ status: 200, body: {} },
				{ status: 200, body: {} },
			],
		});
		await apiRequestFull.call(ctx, api, { method: 'GET', path: '/x', timeoutMs: 90_000 });
		expect(httpRequestWithAuthentication.mock.calls[0][1].timeout).toBe(5000);
		const plain = mockContext({ credentials: CREDENTIALS, outcomes: [{ status: 200, body: {} }] });
		await apiRequestFull.call(
			plain.ctx,
			{ ...api, timeoutMs: undefined },
			{ method: 'GET', path: '/x' },
		);
		expect(plain.httpRequestWithAuthentication.mock.calls[0][1].timeout).toBe(DEFAULT_TIMEOUT_MS);
	});

	it('fails a POST at the first timeout (it may have arrived) with a message that says so', async () => {
		const hang = hangingClock(5000);
		const { ctx, sent } = mockContext({
			credentials: CREDENTIALS,
			parameters: { 'requestOptions.timeout': 5 },
			outcomes: [],
		});
		(ctx.helpers.httpRequestWithAuthentication as jest.Mock).mockImplementation(
			async (_t: string, o: { url: string; method: string }) => {
				sent.push({ method: o.method, url: o.url, headers: {} });
				throw hang();
			},
		);
		const error = await failure(
			apiRequestFull.call(ctx, api, { method: 'POST', path: '/send', body: {}, itemIndex: 1 }),
		);
		expect(error.message).toBe(
			'Outcome unknown: Acme may have accepted this request (no answer within 5 s) [item 1]',
		);
		expect((error as { description?: string }).description).toContain('Do not re-send it blindly');
		expect((error as { description?: string }).description).not.toMatch(/retry/i);
		expect(sent).toHaveLength(1);
	});

	it('sends a replay-safe request once more after a timeout, then fails', async () => {
		const hang = hangingClock(5000);
		const { ctx, sent } = mockContext({
			credentials: CREDENTIALS,
			parameters: { 'requestOptions.timeout': 5 },
			outcomes: [],
		});
		(ctx.helpers.httpRequestWithAuthentication as jest.Mock).mockImplementation(
			async (_t: string, o: { url: string; method: string }) => {
				sent.push({ method: o.method, url: o.url, headers: {} });
				throw hang();
			},
		);
		const error = await failure(apiRequestFull.call(ctx, api, { method: 'GET', path: '/x' }));
		expect(error.message).toBe('Acme did not answer within 5 s (2 attempts)');
		expect(sent).toHaveLength(2);
	});
});

describe('apiRequestFull: unusable credential settings', () => {
	it('fails before sending, naming the field, without "returned an error"', async () => {
		const { ctx, sent } = mockContext({
			credentials: { ...CREDENTIALS, baseUrl: 'http://169.254.169.254/latest' },
			outcomes: [],
		});
		const error = await failure(apiRequestFull.call(ctx, api, { method: 'GET', path: '/x' }));
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toMatch(
			/^Acme credential: "Base URL" points at the link-local address 169\.254\.169\.254/,
		);
		expect(error.message).not.toContain('returned an error');
		expect(sent).toHaveLength(0);
	});
});
