import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class WebEngageApi implements ICredentialType {
	name = 'webEngageApi';

	displayName = 'WebEngage API';

	icon = { light: 'file:../icons/webengage.svg', dark: 'file:../icons/webengage.dark.svg' } as const;

	documentationUrl = 'https://docs.webengage.com/docs/rest-api-getting-started';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description: 'REST API key (Data Platform → Integrations → REST API), or a service account key',
		},
		{
			displayName: 'License Code',
			name: 'licenseCode',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. ~99199077',
			description: 'Your account license code, shown next to the API key',
		},
		{
			displayName: 'Data Center',
			name: 'dataCenter',
			type: 'options',
			options: [
				{ name: 'Custom Base URL', value: 'custom' },
				{ name: 'Global', value: 'global' },
				{ name: 'India', value: 'india' },
				{ name: 'Saudi Arabia', value: 'ksa' },
			],
			default: 'global',
			description:
				'Where your account lives: the dashboard URL says it (dashboard.webengage.com, dashboard.in.webengage.com or dashboard.ksa.webengage.com)',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://api.webengage.com',
			displayOptions: { show: { dataCenter: ['custom'] } },
			description: 'API host to use instead of a data center, e.g. a proxy',
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } },
	};

	// A GDPR request status lookup is read-only: 404 for an unknown request id proves key and
	// license code, while a wrong key gets 401.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.dataCenter === "custom" ? $credentials.baseUrl.replace(/\\/+$/, "") : { global: "https://api.webengage.com", india: "https://api.in.webengage.com", ksa: "https://api.ksa.webengage.com" }[$credentials.dataCenter]}}',
			url: '=/v1/accounts/{{encodeURIComponent($credentials.licenseCode)}}/opengdpr_requests/n8n-credential-test',
			method: 'GET',
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseCode',
				properties: { value: 401, message: 'The API key was refused (401): check it and its permissions' },
			},
			{
				type: 'responseCode',
				properties: { value: 403, message: 'The API key lacks permission (403)' },
			},
		],
	};
}
