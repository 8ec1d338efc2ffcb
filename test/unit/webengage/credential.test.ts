/**
 * The WebEngage credential test (issue 11 item 5): its request, resolved from the credential as n8n
 * does, run against the simulator and judged by n8n's rules (a `responseCode` rule names the
 * problem; any other non-2xx fails too).
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import type { ICredentialDataDecryptedObject } from 'n8n-workflow';

import { WebEngageApi } from '../../../credentials/WebEngageApi.credentials';
import { businessEventsBaseUrl } from '../../../nodes/WebEngage/transport';
import type { Simulator } from '../../../tools/simulators/core/simulator';
import {
	createWebEngageSimulator,
	WEBENGAGE_DEFAULTS as D,
} from '../../../tools/simulators/webengage';

const credential = new WebEngageApi();

/** Resolves an n8n parameter value: `={{ js }}` or `=text {{ js }} text`, with `$credentials`. */
function resolve(value: unknown, $credentials: ICredentialDataDecryptedObject): unknown {
	if (typeof value !== 'string' || !value.startsWith('=')) return value;
	// eslint-disable-next-line @typescript-eslint/no-implied-eval
	const run = (js: string) => new Function('$credentials', `return (${js});`)($credentials);
	const whole = /^=\{\{(.*)\}\}$/s.exec(value);
	if (whole) return run(whole[1]);
	return value.slice(1).replace(/\{\{(.*?)\}\}/gs, (_m, js: string) => String(run(js)));
}

/**
 * Runs the credential's test request like n8n's credentials tester: with `ignoreHttpStatusErrors`
 * the body comes back whatever the status, and each `responseSuccessBody` rule whose key holds its
 * value fails the test with the rule's message.
 */
async function runCredentialTest(
	data: ICredentialDataDecryptedObject,
): Promise<{ status: 'OK' | 'Error'; message: string; path: string }> {
	const request = credential.test.request;
	expect(request.ignoreHttpStatusErrors).toBe(true);
	const url = `${resolve(request.baseURL, data)}${resolve(request.url, data)}`;
	const response = await fetch(url, {
		method: request.method ?? 'GET',
		headers: { Authorization: `Bearer ${String(data.apiKey)}`, 'Content-Type': 'application/json' },
		body: request.body === undefined ? undefined : JSON.stringify(request.body),
	});
	const path = new URL(url).pathname;
	const text = await response.text();
	let body: unknown = text;
	try {
		body = JSON.parse(text);
	} catch {
		// n8n keeps a non-JSON body as text
	}
	const get = (value: unknown, key: string) =>
		key
			.split('.')
			.reduce<unknown>(
				(v, part) =>
					v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined,
				value,
			);
	for (const rule of credential.test.rules ?? []) {
		if (
			rule.type === 'responseSuccessBody' &&
			get(body, rule.properties.key) === rule.properties.value
		) {
			return { status: 'Error', message: rule.properties.message, path };
		}
	}
	return { status: 'OK', message: 'Connection successful!', path };
}

describe('WebEngage credential test', () => {
	let sim: Simulator;
	let otherDataCenter: Simulator;
	let url: string;
	const good = (extra: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject => ({
		apiKey: D.apiKey,
		licenseCode: D.licenseCode,
		dataCenter: 'custom',
		baseUrl: `${url}/`,
		...extra,
	});

	beforeAll(async () => {
		sim = createWebEngageSimulator();
		url = await sim.start();
		// Another data center: the same API, where this account does not exist.
		otherDataCenter = createWebEngageSimulator({ licenseCode: '~0ther0dc' });
		await otherDataCenter.start();
	});
	afterAll(async () => {
		await sim.stop();
		await otherDataCenter.stop();
	});
	beforeEach(() => {
		sim.reset();
		delete sim.data.wrongLicenseStatus;
	});

	it('is a read-only call that succeeds with a good key, license code and data center', async () => {
		const result = await runCredentialTest(good());
		expect(result).toMatchObject({
			status: 'OK',
			path: `/v1/accounts/${encodeURIComponent(D.licenseCode)}/feedbacks/searches`,
		});
		expect(sim.accepted('searchFeedbacks')).toHaveLength(1);
		expect(
			sim.requests().filter((r) => r.method !== 'GET' && r.operationId !== 'searchFeedbacks'),
		).toEqual([]);
	});

	it('fails a wrong key with 401', async () => {
		expect(await runCredentialTest(good({ apiKey: 'we-wrong-key' }))).toMatchObject({
			status: 'Error',
			message: expect.stringMatching(/check the API Key/),
		});
	});

	it('fails a wrong license code answered with 404, naming the license code and data center', async () => {
		expect(await runCredentialTest(good({ licenseCode: '~deadbeef' }))).toMatchObject({
			status: 'Error',
			message: expect.stringMatching(/the License Code \(404 or 400\) and the Data Center/),
		});
	});

	it('fails a wrong license code answered with 400 (the other documented reading), naming the license code', async () => {
		sim.data.wrongLicenseStatus = 400;
		expect(await runCredentialTest(good({ licenseCode: '~deadbeef' }))).toMatchObject({
			status: 'Error',
			message: expect.stringMatching(/the License Code \(404 or 400\)/),
		});
	});

	it('fails a wrong data center (the account does not exist on that host) with 404', async () => {
		expect(await runCredentialTest(good({ baseUrl: otherDataCenter.url }))).toMatchObject({
			status: 'Error',
			message: expect.stringMatching(/Data Center/),
		});
	});

	it('fails when no WebEngage account answers at the address (a body without the response container)', async () => {
		const other = http.createServer((_req, res) =>
			res.writeHead(404, { 'content-type': 'text/html' }).end('<h1>Not Found</h1>'),
		);
		await new Promise<void>((done) => other.listen(0, '127.0.0.1', done));
		try {
			const { port } = other.address() as AddressInfo;
			expect(await runCredentialTest(good({ baseUrl: `http://127.0.0.1:${port}` }))).toMatchObject({
				status: 'Error',
				message: expect.stringMatching(
					/No WebEngage account answered at this address: check the Data Center/,
				),
			});
		} finally {
			other.close();
		}
	});

	it('trims the license code and builds the data-center hosts', () => {
		expect(resolve(credential.test.request.url, { licenseCode: ' ~10a5cb7d ' })).toBe(
			'/v1/accounts/~10a5cb7d/feedbacks/searches',
		);
		expect(resolve(credential.test.request.baseURL, { dataCenter: 'india' })).toBe(
			'https://api.in.webengage.com',
		);
		expect(resolve(credential.test.request.baseURL, { dataCenter: 'ksa' })).toBe(
			'https://api.ksa.webengage.com',
		);
	});
});

describe('WebEngage Business Events host', () => {
	it('is the credential field when set, else documented for Global and inferred for India and KSA', () => {
		expect(businessEventsBaseUrl({ dataCenter: 'global' })).toEqual({
			url: 'https://api.webengage.com',
			inferred: false,
		});
		expect(businessEventsBaseUrl({ dataCenter: 'india' })).toEqual({
			url: 'https://api.in.webengage.com',
			inferred: true,
		});
		expect(businessEventsBaseUrl({ dataCenter: 'ksa' })).toEqual({
			url: 'https://api.ksa.webengage.com',
			inferred: true,
		});
		expect(businessEventsBaseUrl({ dataCenter: 'custom', baseUrl: 'http://127.0.0.1:9/' })).toEqual(
			{ url: 'http://127.0.0.1:9', inferred: false },
		);
		expect(
			businessEventsBaseUrl({
				dataCenter: 'india',
				businessEventsBaseUrl: ' https://api.webengage.com/ ',
			}),
		).toEqual({
			url: 'https://api.webengage.com',
			inferred: false,
		});
		const field = credential.properties.find((p) => p.name === 'businessEventsBaseUrl');
		expect(field).toMatchObject({ type: 'string', default: '' });
	});
});
