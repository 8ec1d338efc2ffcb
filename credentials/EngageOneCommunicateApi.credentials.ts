import type {
	IAuthenticateGeneric,
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestHelper,
	INodeProperties,
} from 'n8n-workflow';
import { sleep } from 'n8n-workflow';

const DEFAULT_USERS_API_URL = 'https://usersapi.communicate.engageone.co';

function trimUrl(value: unknown): string {
	return String(value ?? '')
		.trim()
		.replace(/\/+$/, '');
}

/** The Users API URL, refused unless it is an http(s) URL off the link-local range (metadata services). */
function usersApiUrl(value: unknown): string {
	const text = trimUrl(value) || DEFAULT_USERS_API_URL;
	let url: URL | undefined;
	try {
		url = new URL(text);
	} catch {
		url = undefined;
	}
	const host = url?.hostname.replace(/^\[|\]$/g, '') ?? '';
	if (
		!url ||
		(url.protocol !== 'https:' && url.protocol !== 'http:') ||
		/^169\.254\./.test(host) ||
		/^fe[89ab][0-9a-f]:/i.test(host)
	) {
		throw new Error(
			`EngageOne Communicate credential: "Users API URL" must be an https:// or http:// URL of the Users API (got "${text}"); nothing was sent`,
		);
	}
	return text;
}

/** The Users API answers with a bare JSON string; read as text it may still carry its quotes. */
function readToken(body: unknown): string | undefined {
	if (typeof body === 'string') {
		const token = body.trim().replace(/^"(.*)"$/s, '$1');
		return token || undefined;
	}
	if (body && typeof body === 'object') {
		const wrapped = (body as { token?: unknown }).token;
		if (typeof wrapped === 'string' && wrapped) return wrapped;
	}
	return undefined;
}

/** Token exchange attempts after a 5xx or a network error (issuing a token twice is harmless). */
const TOKEN_RETRIES = 3;

function exchangeStatus(error: unknown): number | undefined {
	const e = error as { response?: { status?: number }; httpCode?: string; statusCode?: number };
	const status =
		e?.response?.status ?? e?.statusCode ?? (e?.httpCode ? Number(e.httpCode) : undefined);
	return status !== undefined && Number.isFinite(status) ? status : undefined;
}

/**
 * Runs the token exchange, again after a transient failure (5xx or network error) with a back-off
 * of 1, 2 and 4 s: a renewal that meets one passing fault must not stop a long run. A 4xx (refused
 * credentials) fails at once.
 */
async function withTokenRetries<T>(exchange: () => Promise<T>): Promise<T> {
	for (let attempt = 0; ; attempt++) {
		try {
			return await exchange();
		} catch (error) {
			const status = exchangeStatus(error);
			const transient = status === undefined || status >= 500 || status === 429;
			if (!transient || attempt >= TOKEN_RETRIES) throw error;
			await sleep(1000 * 2 ** attempt);
		}
	}
}

export class EngageOneCommunicateApi implements ICredentialType {
	name = 'engageOneCommunicateApi';

	displayName = 'EngageOne Communicate API';

	icon = {
		light: 'file:../icons/engageone.svg',
		dark: 'file:../icons/engageone.dark.svg',
	} as const;

	documentationUrl = 'https://docs.communicate.engageone.co/APIUsage.html';

	properties: INodeProperties[] = [
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'hidden',
			typeOptions: { expirable: true, password: true },
			default: '',
		},
		{
			displayName: 'Client ID',
			name: 'clientId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. sa11bb.1112222333344@communicate.engageone.co',
			description: 'From Account Settings → Client Credentials in Communicate',
		},
		{
			displayName: 'Secret',
			name: 'secret',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'The secret shown once when the client credentials were created or regenerated',
		},
		{
			displayName: 'Customer ID',
			name: 'customerId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. sa11bb',
			description:
				'Customer ID shown next to the client credentials; sent in the token request and, unless set below, as the PB-Customer-Id header',
		},
		{
			displayName: 'PB-Customer-Id Header',
			name: 'customerIdHeader',
			type: 'string',
			default: '',
			placeholder: 'e.g. eocm-Acme-Corp',
			description:
				'Value of the PB-Customer-Id header on every API call. Leave empty to send the Customer ID above.',
			hint: "EngageOne's header table describes this value as your company name prefixed with eocm-, spaces replaced by hyphens, case-sensitive (e.g. eocm-Acme-Corp); its REST example uses the Customer ID. If calls fail with 403, enter the eocm- form here.",
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			options: [{ name: 'US East (Us-East-1)', value: 'us-east-1' }],
			default: 'us-east-1',
			description:
				"Your team's data location. Only the us-east-1 host (https://api.us-east-1.communicate.engageone.co) is published by EngageOne; for a team elsewhere, enter its API host in Regional API URL.",
		},
		{
			displayName: 'Users API URL',
			name: 'usersApiUrl',
			type: 'string',
			default: DEFAULT_USERS_API_URL,
			description: 'Host of the Users API that issues tokens (global, not regional)',
		},
		{
			displayName: 'Regional API URL',
			name: 'apiUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://api.us-east-1.communicate.engageone.co',
			description:
				"Your team's Private API host, used instead of the region's (e.g. for a data location other than us-east-1; the host shows in Communicate's Swagger pages). Leave empty to use the region's host.",
		},
		{
			displayName: 'Custom Hosts per API',
			name: 'customHosts',
			type: 'boolean',
			default: false,
			description:
				'Whether to set a host for each API family; by default every family uses the regional API URL',
		},
		{
			displayName: 'Public API URL',
			name: 'publicApiUrl',
			type: 'string',
			default: '',
			displayOptions: { show: { customHosts: [true] } },
			description: 'Leave empty to use the regional API URL',
		},
		{
			displayName: 'Document Channel API URL',
			name: 'documentChannelApiUrl',
			type: 'string',
			default: '',
			displayOptions: { show: { customHosts: [true] } },
			description: 'Leave empty to use the regional API URL',
		},
		{
			displayName: 'Chat Channel API URL',
			name: 'chatChannelApiUrl',
			type: 'string',
			default: '',
			displayOptions: { show: { customHosts: [true] } },
			description: 'Leave empty to use the regional API URL',
		},
		{
			displayName: 'Video Channel API URL',
			name: 'videoChannelApiUrl',
			type: 'string',
			default: '',
			displayOptions: { show: { customHosts: [true] } },
			description: 'Leave empty to use the regional API URL',
		},
		{
			displayName: 'Video Delivery API URL',
			name: 'videoDeliveryApiUrl',
			type: 'string',
			default: '',
			displayOptions: { show: { customHosts: [true] } },
			description: 'Leave empty to use the regional API URL',
		},
		{
			displayName: 'Archiving API URL',
			name: 'archivingApiUrl',
			type: 'string',
			default: '',
			displayOptions: { show: { customHosts: [true] } },
			description: 'Leave empty to use the regional API URL',
		},
		{
			displayName: 'Push Notification API URL',
			name: 'pushApiUrl',
			type: 'string',
			default: '',
			displayOptions: { show: { customHosts: [true] } },
			description: 'Leave empty to use the regional API URL',
		},
	];

	/**
	 * Exchanges the client credentials for a JWT (valid one hour). n8n calls this when the token is
	 * empty and once more after a 401, and stores the result, so one token serves many executions.
	 */
	async preAuthentication(this: IHttpRequestHelper, credentials: ICredentialDataDecryptedObject) {
		const url = `${usersApiUrl(credentials.usersApiUrl)}/authenticate`;
		let body: unknown;
		try {
			body = await withTokenRetries(
				async () =>
					await this.helpers.httpRequest({
						method: 'POST',
						url,
						body: {
							client_id: String(credentials.clientId ?? '').trim(),
							secret: String(credentials.secret ?? ''),
							customer_id: String(credentials.customerId ?? '').trim(),
						},
						headers: { Accept: 'application/json' },
						json: true,
						// A Users API that never answers must not hold the run (n8n's own default is minutes).
						timeout: 60_000,
						// Redirects are not followed: the body carries the client secret.
						disableFollowRedirect: true,
					}),
			);
		} catch (error) {
			// Build a new error: the HTTP client's error carries the request body, secret included.
			const e = error as {
				response?: { status?: number };
				httpCode?: string;
				statusCode?: number;
				code?: string;
			};
			const status =
				e?.response?.status ?? e?.statusCode ?? (e?.httpCode ? Number(e.httpCode) : undefined);
			const reason =
				status === 401 || status === 403 || status === 400
					? 'the client credentials were refused: check the Client ID, Secret and Customer ID'
					: status !== undefined
						? 'the Users API failed'
						: `the Users API could not be reached${e?.code ? ` (${e.code})` : ''}: check the Users API URL`;
			throw new Error(
				`EngageOne Communicate did not issue a token${status !== undefined ? ` (HTTP ${status})` : ''} at POST ${url}: ${reason}`,
			);
		}
		const accessToken = readToken(body);
		if (!accessToken) {
			throw new Error(
				`EngageOne Communicate did not issue a token at POST ${url}: the response held no token`,
			);
		}
		return { accessToken };
	}

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: {
			headers: {
				Authorization: '=Bearer {{$credentials.accessToken}}',
				'PB-Customer-Id':
					'={{($credentials.customerIdHeader || $credentials.customerId || "").trim()}}',
			},
		},
	};

	// EngageOne documents no read-only authenticated call (its Swagger pages are not public), so the
	// test is the token exchange itself: it checks Client ID, Secret, Customer ID and the Users API
	// URL, not the PB-Customer-Id header, which a first real call answers with 403 when wrong.
	test: ICredentialTestRequest = {
		request: {
			baseURL: `={{($credentials.usersApiUrl || "${DEFAULT_USERS_API_URL}").trim().replace(/\\/+$/, "")}}`,
			url: '/authenticate',
			method: 'POST',
			body: {
				client_id: '={{$credentials.clientId.trim()}}',
				secret: '={{$credentials.secret}}',
				customer_id: '={{$credentials.customerId.trim()}}',
			},
		},
		rules: [
			{
				type: 'responseCode',
				properties: {
					value: 401,
					message:
						'The client credentials were refused: check the Client ID, Secret and Customer ID',
				},
			},
		],
	};
}
