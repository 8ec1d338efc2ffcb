import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class WebEngageApi implements ICredentialType {
	name = 'webEngageApi';

	displayName = 'WebEngage API';

	icon = {
		light: 'file:../icons/webengage.svg',
		dark: 'file:../icons/webengage.dark.svg',
	} as const;

	documentationUrl = 'https://docs.webengage.com/docs/rest-api-getting-started';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'REST API key (Data Platform → Integrations → REST API), or a service account key',
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
		{
			displayName: 'Business Events Base URL',
			name: 'businessEventsBaseUrl',
			type: 'string',
			default: '',
			placeholder: 'e.g. https://api.webengage.com',
			description:
				"Host for Business Event calls (Relays), which WebEngage says differs from the other endpoints. Empty: https://api.webengage.com for Global (WebEngage's examples), the data center's own host for India and Saudi Arabia (a guess: WebEngage documents no host for them), the Base URL for Custom.",
		},
	];

	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Bearer {{$credentials.apiKey}}' } },
	};

	// A read-only call that succeeds for every good key, license code and data center: a feedback
	// search for one item (https://docs.webengage.com/docs/rest-api-on-site-feedback), answered in
	// WebEngage's documented container `{response: {status: "success" | "error", …}}`
	// (https://docs.webengage.com/docs/rest-api-getting-started). A wrong key gets 401, a wrong
	// license code 404 or 400, a wrong data center 404, each with `status: "error"`.
	// n8n applies `responseCode` rules only when the HTTP error keeps its response, which n8n 1.x
	// does not, so every status is read here and judged by the body: anything but the success
	// container fails, naming the fields to check.
	test: ICredentialTestRequest = {
		request: {
			baseURL:
				'={{$credentials.dataCenter === "custom" ? $credentials.baseUrl.replace(/\\/+$/, "") : { global: "https://api.webengage.com", india: "https://api.in.webengage.com", ksa: "https://api.ksa.webengage.com" }[$credentials.dataCenter]}}',
			url: '=/v1/accounts/{{encodeURIComponent($credentials.licenseCode.trim())}}/feedbacks/searches',
			method: 'POST',
			body: { pageNo: 1, pageSize: 1 },
			ignoreHttpStatusErrors: true,
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'response.status',
					value: 'error',
					message:
						'WebEngage refused the test call: check the API Key (a wrong key gives 401), the License Code (404 or 400) and the Data Center or Base URL (404)',
				},
			},
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'response.status',
					value: undefined,
					message:
						'No WebEngage account answered at this address: check the Data Center (or Base URL) and the License Code',
				},
			},
		],
	};
}
