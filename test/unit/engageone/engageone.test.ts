import type {
	ICredentialDataDecryptedObject,
	IHttpRequestHelper,
	IHttpRequestOptions,
} from 'n8n-workflow';

import { EngageOneCommunicateApi } from '../../../credentials/EngageOneCommunicateApi.credentials';
import {
	emailJsonPath,
	transactionalBody,
	transactionalPath,
} from '../../../nodes/EngageOneCommunicate/actions/campaign/sendTransactional.operation';
import { familyBaseUrl, regionalApiUrl } from '../../../nodes/EngageOneCommunicate/transport';
import type { Simulator } from '../../../tools/simulators/core/simulator';
import {
	createEngageOneSimulator,
	ENGAGEONE_DEFAULTS,
	engageOneState,
	eocmCustomerId,
	expireEngageOneTokens,
} from '../../../tools/simulators/engageone';

/** n8n's httpRequest helper, reduced to what preAuthentication uses; throws like axios on non-2xx. */
const fetchHelper: IHttpRequestHelper = {
	helpers: {
		async httpRequest(options: IHttpRequestOptions) {
			const response = await fetch(String(options.url), {
				method: options.method,
				headers: {
					'content-type': 'application/json',
					...(options.headers as Record<string, string>),
				},
				body: JSON.stringify(options.body),
			});
			const text = await response.text();
			if (!response.ok) {
				throw Object.assign(
					new Error(
						`Request failed with status code ${response.status}: ${JSON.stringify(options.body)}`,
					),
					{
						response: { status: response.status, data: text },
					},
				);
			}
			return JSON.parse(text);
		},
	} as IHttpRequestHelper['helpers'],
};

const decode = (part: string) => JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));

describe('EngageOne Communicate', () => {
	let sim: Simulator;
	let url: string;
	const credential = new EngageOneCommunicateApi();
	const creds = (extra: ICredentialDataDecryptedObject = {}): ICredentialDataDecryptedObject => ({
		clientId: ENGAGEONE_DEFAULTS.clientId,
		secret: ENGAGEONE_DEFAULTS.secret,
		customerId: ENGAGEONE_DEFAULTS.customerId,
		usersApiUrl: `${url}/`,
		...extra,
	});
	const exchange = async (extra: ICredentialDataDecryptedObject = {}) =>
		(await credential.preAuthentication.call(fetchHelper, creds(extra))) as { accessToken: string };
	const call = async (
		path: string,
		token: string,
		body: unknown,
		customer = ENGAGEONE_DEFAULTS.customerId,
	) =>
		await fetch(`${url}${path}`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				authorization: `Bearer ${token}`,
				'pb-customer-id': customer,
			},
			body: JSON.stringify(body),
		});
	const v2Body = {
		communication: 'Example',
		dataset: [{ customer_email: 'a@example.com', name: 'John' }],
		email_json_path: 'customer_email',
		sender: 'sender@example.com',
		subject: 'Hi',
		project: 'Samples',
		ignore_missing_fields: true,
	};

	beforeAll(async () => {
		sim = createEngageOneSimulator();
		url = await sim.start();
	});
	afterAll(async () => await sim.stop());
	beforeEach(() => sim.reset());

	describe('credential', () => {
		it('exchanges the client credentials for a one-hour HS256 JWT read from a bare JSON string', async () => {
			const { accessToken } = await exchange();
			const [header, payload] = accessToken.split('.').map((p, i) => (i < 2 ? decode(p) : p));
			expect(header).toEqual({ typ: 'JWT', alg: 'HS256' });
			expect(payload.exp - payload.iat).toBe(3600);
			expect(payload.profile.sub_id).toBe(ENGAGEONE_DEFAULTS.customerId);
			expect(engageOneState(sim).exchanges).toBe(1);
			const [request] = sim.requests();
			expect(request.path).toBe('/authenticate');
			expect(request.body).toEqual({
				client_id: ENGAGEONE_DEFAULTS.clientId,
				secret: ENGAGEONE_DEFAULTS.secret,
				customer_id: ENGAGEONE_DEFAULTS.customerId,
			});
		});

		it('fails a wrong secret with a message that names the fields but not the secret', async () => {
			const wrong = 'wrong-secret-value-123';
			const failure = await exchange({ secret: wrong }).catch((e: Error) => e);
			expect(failure).toBeInstanceOf(Error);
			expect((failure as Error).message).toMatch(/HTTP 401.*Client ID, Secret and Customer ID/);
			expect((failure as Error).message).not.toContain(wrong);
			expect(engageOneState(sim).failedExchanges).toBe(1);
		});

		/** Evaluates a simple `={{ … }}` credential expression the way n8n would for these fields. */
		const evaluate = (expression: unknown, $credentials: ICredentialDataDecryptedObject) =>
			// eslint-disable-next-line @typescript-eslint/no-implied-eval
			new Function('$credentials', `return (${/^=\{\{(.*)\}\}$/s.exec(String(expression))![1]});`)(
				$credentials,
			);

		it('sends the token and the PB-Customer-Id header field, or the Customer ID when it is empty', () => {
			const headers = credential.authenticate.properties.headers as Record<string, unknown>;
			expect(headers.Authorization).toBe('=Bearer {{$credentials.accessToken}}');
			expect(evaluate(headers['PB-Customer-Id'], { customerId: 'sa11bb' })).toBe('sa11bb');
			expect(
				evaluate(headers['PB-Customer-Id'], { customerId: 'sa11bb', customerIdHeader: '' }),
			).toBe('sa11bb');
			expect(
				evaluate(headers['PB-Customer-Id'], {
					customerId: 'sa11bb',
					customerIdHeader: ' eocm-Acme-Corp ',
				}),
			).toBe('eocm-Acme-Corp');
			const field = credential.properties.find((p) => p.name === 'customerIdHeader');
			expect(field).toMatchObject({ type: 'string', default: '' });
			expect(field?.hint).toContain('eocm-');
			const token = credential.properties.find((p) => p.name === 'accessToken');
			expect(token).toMatchObject({ type: 'hidden', typeOptions: { expirable: true } });
		});

		it('keeps the short Customer ID in the token request of the exchange and of the credential test', async () => {
			await exchange({ customerIdHeader: 'eocm-Acme-Corp' });
			expect((sim.requests()[0].body as any).customer_id).toBe(ENGAGEONE_DEFAULTS.customerId);
			const body = credential.test.request.body as Record<string, unknown>;
			expect(
				evaluate(body.customer_id, { customerId: ' sa11bb ', customerIdHeader: 'eocm-Acme-Corp' }),
			).toBe('sa11bb');
		});
	});

	describe('simulator', () => {
		it('accepts a v2 send with a valid token and returns a send_id', async () => {
			const { accessToken } = await exchange();
			const response = await call('/campaigns/v2/welcome/transactional', accessToken, v2Body);
			expect(response.status).toBe(200);
			expect(await response.json()).toEqual({ send_id: expect.any(String) });
			expect(engageOneState(sim).sends[0]).toMatchObject({ version: 'v2', campaign: 'welcome' });
		});

		it('refuses a v1 JSONPath on the v2 endpoint and a row without the email field', async () => {
			const { accessToken } = await exchange();
			expect(
				(
					await call('/campaigns/v2/c/transactional', accessToken, {
						...v2Body,
						email_json_path: '$[*].customer_email',
					})
				).status,
			).toBe(400);
			expect(
				(
					await call('/campaigns/c/transactional', accessToken, {
						...v2Body,
						email_json_path: 'customer_email',
					})
				).status,
			).toBe(400);
			const noEmail = await call('/campaigns/c/transactional', accessToken, {
				...v2Body,
				email_json_path: '$[*].email',
			});
			expect(noEmail.status).toBe(400);
			expect(await noEmail.json()).toEqual({
				message: 'dataset[0] has no email address at $[*].email',
			});
			expect(
				(
					await call('/campaigns/c/transactional', accessToken, {
						...v2Body,
						email_json_path: '$[*].customer_email',
					})
				).status,
			).toBe(200);
		});

		it('takes PB-Customer-Id in the configured reading only: the customer ID, or eocm- plus the company name', async () => {
			const { accessToken } = await exchange();
			const eocm = eocmCustomerId(ENGAGEONE_DEFAULTS.companyName);
			expect(eocm).toBe('eocm-Acme-Corp');
			expect((await call('/campaigns/v2/c/transactional', accessToken, v2Body)).status).toBe(200);
			expect((await call('/campaigns/v2/c/transactional', accessToken, v2Body, eocm)).status).toBe(
				403,
			);
			sim.data.pbCustomerIdForm = 'eocm';
			try {
				expect(
					(await call('/campaigns/v2/c/transactional', accessToken, v2Body, eocm)).status,
				).toBe(200);
				expect(
					(await call('/campaigns/v2/c/transactional', accessToken, v2Body, 'eocm-acme-corp'))
						.status,
				).toBe(403);
				expect((await call('/campaigns/v2/c/transactional', accessToken, v2Body)).status).toBe(403);
			} finally {
				delete sim.data.pbCustomerIdForm;
			}
		});

		it('refuses expired, forged and foreign-customer tokens', async () => {
			const { accessToken } = await exchange();
			expect(
				(await call('/campaigns/v2/c/transactional', accessToken, v2Body, 'someone-else')).status,
			).toBe(403);
			const [h, p] = accessToken.split('.');
			expect(
				(await call('/campaigns/v2/c/transactional', `${h}.${p}.${'A'.repeat(43)}`, v2Body)).status,
			).toBe(401);
			expireEngageOneTokens(sim);
			const expired = await call('/campaigns/v2/c/transactional', accessToken, v2Body);
			expect(expired.status).toBe(401);
			expect(await expired.json()).toEqual({ message: 'Token expired' });
			const fresh = await exchange();
			expect((await call('/campaigns/v2/c/transactional', fresh.accessToken, v2Body)).status).toBe(
				200,
			);
		});
	});

	describe('node helpers', () => {
		it('builds the v2 and v1 email paths, paths and body', () => {
			expect(emailJsonPath('v2', 'customer_email')).toBe('customer_email');
			expect(emailJsonPath('v1', 'email')).toBe('$[*].email');
			expect(emailJsonPath('v1', 'e-mail')).toBe("$[*]['e-mail']");
			expect(transactionalPath('v2', 'order confirmation')).toBe(
				'/campaigns/v2/order%20confirmation/transactional',
			);
			expect(transactionalPath('v1', 'x/y')).toBe('/campaigns/x%2Fy/transactional');
			const settings = {
				apiVersion: 'v1',
				campaign: 'c',
				project: 'my-project',
				communication: 'Thanks',
				sender: 's@example.com',
				subject: 'Thanks',
				emailField: 'email',
				senderName: '',
				replyTo: 'r@example.com',
				ignoreMissingFields: true,
			};
			expect(transactionalBody(settings, [{ email: 'a@example.com' }])).toEqual({
				communication: 'Thanks',
				dataset: [{ email: 'a@example.com' }],
				email_json_path: '$[*].email',
				sender: 's@example.com',
				reply_to: 'r@example.com',
				subject: 'Thanks',
				project: 'my-project',
				ignore_missing_fields: true,
			});
		});

		it('picks each API family host from region and overrides', () => {
			// Only us-east-1's host is published: another region needs the host typed in, not guessed.
			expect(() => regionalApiUrl({ region: 'eu-west-1' })).toThrow(
				/"Region" is "eu-west-1".*Regional API URL/,
			);
			expect(() => regionalApiUrl({ region: 'evil.example' })).toThrow(/"Region"/);
			expect(
				regionalApiUrl({
					region: 'eu-west-1',
					apiUrl: 'https://api.eu-west-1.communicate.engageone.co/',
				}),
			).toBe('https://api.eu-west-1.communicate.engageone.co');
			expect(regionalApiUrl({})).toBe('https://api.us-east-1.communicate.engageone.co');
			expect(() => regionalApiUrl({ apiUrl: 'http://169.254.169.254' })).toThrow(
				/Regional API URL.*link-local/,
			);
			expect(() => familyBaseUrl({ usersApiUrl: 'file:///etc/passwd' }, 'users')).toThrow(
				/Users API URL/,
			);
			expect(familyBaseUrl({}, 'users')).toBe('https://usersapi.communicate.engageone.co');
			expect(familyBaseUrl({ region: 'us-east-1' }, 'public')).toBe(
				'https://api.us-east-1.communicate.engageone.co',
			);
			const custom = {
				apiUrl: 'http://127.0.0.1:9/',
				customHosts: true,
				pushApiUrl: 'http://127.0.0.1:8/push/',
			};
			expect(familyBaseUrl(custom, 'private')).toBe('http://127.0.0.1:9');
			expect(familyBaseUrl(custom, 'push')).toBe('http://127.0.0.1:8/push');
			expect(familyBaseUrl(custom, 'archiving')).toBe('http://127.0.0.1:9');
			expect(familyBaseUrl({ ...custom, customHosts: false }, 'push')).toBe('http://127.0.0.1:9');
		});
	});
});
