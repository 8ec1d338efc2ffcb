import type {
	IAuthenticateGeneric,
	ICredentialTestRequest,
	ICredentialType,
	INodeProperties,
} from 'n8n-workflow';

export class EngatiApi implements ICredentialType {
	name = 'engatiApi';

	displayName = 'Engati API';

	icon = { light: 'file:../icons/engati.svg', dark: 'file:../icons/engati.dark.svg' } as const;

	documentationUrl = 'https://help.engati.ai/engati-apis';

	properties: INodeProperties[] = [
		{
			displayName: 'API Key',
			name: 'apiKey',
			type: 'string',
			typeOptions: { password: true },
			default: '',
			required: true,
			description:
				'Key from Integrations → Engati API (platform API). Engati expects it as is after "Basic ", not base64-encoded.',
		},
		{
			displayName: 'Customer ID',
			name: 'customerId',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. 61179',
			description: 'The CID shown on the same Integrations → Engati API page',
		},
		{
			displayName: 'Bot Key',
			name: 'botKey',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. bb67e0773bed4c7e',
			description: 'The key of the bot the calls act on, shown on the Engati API page',
		},
		{
			displayName: 'Base URL',
			name: 'baseUrl',
			type: 'string',
			default: 'https://api.engati.ai',
			description:
				"API host: https://api.engati.ai, the older https://api.engati.com, or your white-label provider's API host",
		},
	];

	// The key is sent raw after "Basic ": Engati does not use base64(user:password).
	authenticate: IAuthenticateGeneric = {
		type: 'generic',
		properties: { headers: { Authorization: '=Basic {{$credentials.apiKey}}' } },
	};

	// A read-only users lookup: an empty match still proves the key, customer ID and bot key.
	test: ICredentialTestRequest = {
		request: {
			baseURL: '={{($credentials.baseUrl || "https://api.engati.ai").replace(/\\/+$/, "")}}',
			url: '=/bot-api/v1.0/customer/{{encodeURIComponent($credentials.customerId)}}/bot/{{encodeURIComponent($credentials.botKey)}}/users',
			method: 'GET',
			qs: { attribute_name: 'n8n_credential_test', attribute_value: 'n8n' },
		},
		rules: [
			{
				type: 'responseSuccessBody',
				properties: {
					key: 'status.code',
					value: 2003,
					message:
						'Engati found no bot with this bot key (code 2003): check the bot key and customer ID',
				},
			},
		],
	};
}
