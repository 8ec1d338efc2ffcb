import type {
	ICredentialDataDecryptedObject,
	ICredentialTestRequest,
	ICredentialType,
	IHttpRequestOptions,
	INodeProperties,
} from 'n8n-workflow';

export class DotdigitalCpaasApi implements ICredentialType {
	name = 'dotdigitalCpaasApi';

	displayName = 'Dotdigital CPaaS API';

	icon = {
		light: 'file:../icons/dotdigital.svg',
		dark: 'file:../icons/dotdigital.dark.svg',
	} as const;

	documentationUrl = 'https://developer.dotdigital.com/reference/calling-the-omnichannel-api';

	properties: INodeProperties[] = [
		{
			displayName: 'Authentication',
			name: 'authMode',
			type: 'options',
			options: [
				{
					name: 'API Space Token (Legacy Comapi)',
					value: 'apiSpaceToken',
					description:
						'An API space ID and its access token, sent as a Bearer token to api.comapi.com',
				},
				{
					name: 'API User',
					value: 'apiUser',
					description: 'A dotdigital API user (username and password), sent with HTTP Basic',
				},
			],
			default: 'apiUser',
		},
		{
			displayName: 'Region',
			name: 'region',
			type: 'options',
			displayOptions: { show: { authMode: ['apiUser'] } },
			options: [
				{ name: 'Asia-Pacific (R3)', value: 'r3' },
				{ name: 'Europe (R1)', value: 'r1' },
				{ name: 'North America (R2)', value: 'r2' },
			],
			default: 'r1',
			description: 'Region of your dotdigital account; a wrong region answers 403',
		},
		{
			displayName: 'Username',
			name: 'username',
			type: 'string',
			displayOptions: { show: { authMode: ['apiUser'] } },
			default: '',
			placeholder: 'e.g. apiuser-123@apiconnector.com',
			required: true,
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			displayOptions: { show: { authMode: ['apiUser'] } },
			default: '',
			required: true,
		},
		{
			displayName: 'API Space ID',
			name: 'apiSpaceId',
			type: 'string',
			displayOptions: { show: { authMode: ['apiSpaceToken'] } },
			default: '',
			required: true,
		},
		{
			displayName: 'Access Token',
			name: 'accessToken',
			type: 'string',
			typeOptions: { password: true },
			displayOptions: { show: { authMode: ['apiSpaceToken'] } },
			default: '',
			required: true,
			description: 'Access token (JWT) issued for the API space in the portal',
		},
		{
			displayName: 'Custom Base URL',
			name: 'customBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://proxy.example.com/cpaas',
			description:
				'Full base URL to use instead of the region or API space URL, including its /cpaas or /apispaces/{ID} prefix; leave empty for the default',
		},
	];

	// Basic for API users, Bearer for API space tokens: a function, since generic auth cannot choose.
	async authenticate(
		credentials: ICredentialDataDecryptedObject,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		if (credentials.authMode === 'apiSpaceToken') {
			return {
				...requestOptions,
				headers: {
					...(requestOptions.headers ?? {}),
					Authorization: `Bearer ${String(credentials.accessToken ?? '')}`,
				},
			};
		}
		return {
			...requestOptions,
			auth: {
				username: String(credentials.username ?? ''),
				password: String(credentials.password ?? ''),
			},
		};
	}

	// Listing templates is read-only and needs only the template read permission.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.customBaseUrl ? $credentials.customBaseUrl.replace(/\\/+$/, "") : $credentials.authMode === "apiSpaceToken" ? "https://api.comapi.com/apispaces/" + encodeURIComponent($credentials.apiSpaceId) : "https://" + $credentials.region + "-api.dotdigital.com/cpaas"}}',
			url: '/templates',
			method: 'GET',
		},
	};
}
