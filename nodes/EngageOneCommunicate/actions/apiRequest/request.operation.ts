import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	checkJsonText,
	inputError,
	keyValuesToObject,
	processItems,
	readText,
	showFor,
	updateDisplayOptions,
} from '../../../shared';
import type { ApiFamily } from '../../transport';
import { API_FAMILIES, engageOneRequestFull } from '../../transport';

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('apiRequest', 'request'),
	[
		{
			displayName:
				'Calls any EngageOne Communicate endpoint with the credential\'s token and customer ID, e.g. send status, unsubscribe list, email verification, PDF generation, push and archiving. See the Swagger pages linked from the <a href="https://docs.communicate.engageone.co/APIUsage.html">API usage docs</a> for paths.',
			name: 'apiRequestNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'API',
			name: 'api',
			type: 'options',
			options: [
				{ name: 'Archiving API', value: 'archiving' },
				{ name: 'Chat Channel API', value: 'chatChannel' },
				{ name: 'Document Channel API', value: 'documentChannel' },
				{
					name: 'Private API',
					value: 'private',
					description: 'Campaigns, communications, templates and assets',
				},
				{
					name: 'Public API',
					value: 'public',
					description: 'Unsubscribe list and email verification',
				},
				{ name: 'Push Notification API', value: 'push' },
				{ name: 'Users API', value: 'users', description: 'Login and authentication' },
				{ name: 'Video Channel API', value: 'videoChannel' },
				{ name: 'Video Delivery API', value: 'videoDelivery' },
			],
			default: 'private',
			description: 'API family; its host comes from the credential (region or custom host)',
		},
		{
			displayName: 'Method',
			name: 'method',
			type: 'options',
			options: [
				{ name: 'DELETE', value: 'DELETE' },
				{ name: 'GET', value: 'GET' },
				{ name: 'PATCH', value: 'PATCH' },
				{ name: 'POST', value: 'POST' },
				{ name: 'PUT', value: 'PUT' },
			],
			default: 'GET',
			description: 'HTTP method of the call, as the Swagger page of the endpoint gives it',
		},
		{
			displayName: 'Path',
			name: 'path',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. /campaigns/v2/my-campaign/transactional',
			description: "Path below the API family's host, starting with /",
		},
		{
			displayName: 'Send Query Parameters',
			name: 'sendQuery',
			type: 'boolean',
			default: false,
			description: 'Whether the request has query parameters',
		},
		{
			displayName: 'Query Parameters',
			name: 'queryParameters',
			type: 'fixedCollection',
			typeOptions: { multipleValues: true },
			placeholder: 'Add Parameter',
			default: {},
			displayOptions: { show: { sendQuery: [true] } },
			description: 'Query string parameters of the call; names and values are URL-encoded',
			options: [
				{
					displayName: 'Parameter',
					name: 'values',
					values: [
						{
							displayName: 'Name',
							name: 'key',
							type: 'string',
							default: '',
							placeholder: 'e.g. status',
							description: 'Name of the query parameter',
						},
						{
							displayName: 'Value',
							name: 'value',
							type: 'string',
							default: '',
							description: 'Value of the query parameter, sent as text',
						},
					],
				},
			],
		},
		{
			displayName: 'Send Body',
			name: 'sendBody',
			type: 'boolean',
			default: false,
			description: 'Whether the request has a JSON body',
		},
		{
			displayName: 'Body (JSON)',
			name: 'body',
			type: 'json',
			default: '{}',
			displayOptions: { show: { sendBody: [true] } },
			description:
				'Request body: a JSON object or array, as the Swagger page of the endpoint describes it',
		},
	],
);

function parseBody(this: IExecuteFunctions, value: unknown, i: number): unknown {
	let body: unknown = value;
	if (typeof value === 'string') {
		if (value.trim() === '') return undefined;
		try {
			body = JSON.parse(value);
		} catch (error) {
			throw inputError(
				this.getNode(),
				`"Body (JSON)" is not valid JSON: ${(error as Error).message}`,
				{ itemIndex: i },
			);
		}
	}
	if (body === undefined || body === null) return undefined;
	if (typeof body !== 'object') {
		throw inputError(
			this.getNode(),
			`"Body (JSON)" must be a JSON object or array, got ${typeof body === 'number' ? 'a number' : `a ${typeof body}`}`,
			{ itemIndex: i },
		);
	}
	checkJsonText(this.getNode(), body, 'Body (JSON)', i);
	return body;
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await processItems.call(this, items, async (i) => {
		const family = this.getNodeParameter('api', i) as ApiFamily;
		if (!API_FAMILIES.includes(family)) {
			throw inputError(this.getNode(), `"API" must be one of ${API_FAMILIES.join(', ')}`, {
				itemIndex: i,
			});
		}
		const method = this.getNodeParameter('method', i) as IHttpRequestMethods;
		const path = readText(this.getNode(), this.getNodeParameter('path', i), 'Path', i, {
			required: true,
		});
		if (/\s/.test(path) || /(^|\/)\.\.?(\/|\?|#|$)/.test(path)) {
			throw inputError(
				this.getNode(),
				`"Path" cannot contain spaces or "." / ".." segments (got "${path.slice(0, 100)}")`,
				{
					itemIndex: i,
					description: 'Percent-encode spaces (%20) and address the resource directly',
				},
			);
		}
		// The token must only go to the credential's hosts, so full URLs are refused.
		if (!path.startsWith('/')) {
			throw inputError(this.getNode(), `"Path" must start with / (got "${path}")`, {
				itemIndex: i,
				description:
					'Enter the path below the API host, e.g. /campaigns/v2/my-campaign/transactional; the host comes from the credential',
			});
		}
		const qs = this.getNodeParameter('sendQuery', i, false)
			? keyValuesToObject(this.getNodeParameter('queryParameters', i, {}))
			: undefined;
		const body = this.getNodeParameter('sendBody', i, false)
			? parseBody.call(this, this.getNodeParameter('body', i, '{}'), i)
			: undefined;
		const response = await engageOneRequestFull.call(this, {
			method,
			host: family,
			path,
			qs,
			body,
			itemIndex: i,
		});
		const data = response.body;
		if (
			Array.isArray(data) &&
			data.every((entry) => entry && typeof entry === 'object' && !Array.isArray(entry))
		) {
			return data as IDataObject[];
		}
		if (data && typeof data === 'object' && !Array.isArray(data)) return data as IDataObject;
		if (data === undefined || data === null || data === '')
			return { statusCode: response.statusCode };
		return { data: data as IDataObject['data'] };
	});
}
