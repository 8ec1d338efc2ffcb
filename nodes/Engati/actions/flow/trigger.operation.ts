import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	keyValuesToObject,
	processItems,
	readText,
	requirePathId,
	showFor,
	updateDisplayOptions,
} from '../../../shared';
import { engatiRequest, responseObject } from '../../transport';
import { botKeyOptions, phoneDigits } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Flow Key',
		name: 'flowKey',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 7bbb608c3b4b4e848f36cd2ccd7cfa35',
		description:
			'Key of the flow (path) to start: the "i" icon at the top of the path in the flow builder shows it',
	},
	{
		displayName: 'API Version',
		name: 'apiVersion',
		type: 'options',
		options: [
			{ name: 'V1 (Attributes as Query Parameters)', value: 'v1' },
			{ name: 'V2 (JSON Body)', value: 'v2', description: 'Recommended by Engati' },
		],
		default: 'v2',
		description:
			"Version of Engati's API Trigger endpoint: v2 sends the user and attributes as JSON, v1 as query parameters",
	},
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'options',
		options: [
			{ name: 'RCS', value: 'rcs' },
			{ name: 'WhatsApp', value: 'whatsapp' },
		],
		default: 'whatsapp',
		displayOptions: { show: { apiVersion: ['v2'] } },
		description: 'Channel the flow runs on for this user',
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 919876543210',
		description:
			"User's phone number with country code (sent as digits); Engati creates the user if it is new",
	},
	{
		displayName: 'User Name',
		name: 'userName',
		type: 'string',
		default: '',
		description: 'Stored as user.user_name; Engati uses the phone number when empty',
	},
	{
		displayName: 'Attributes',
		name: 'attributes',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Attribute',
		default: {},
		description: 'Attributes set on the user before the flow starts',
		options: [
			{
				displayName: 'Attribute',
				name: 'values',
				values: [
					{
						displayName: 'Name',
						name: 'key',
						type: 'string',
						default: '',
						placeholder: 'e.g. order_id',
						description:
							'Name of a bot attribute; names starting with "user." are system attributes, others custom ones',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Value the attribute gets on the user',
					},
				],
			},
		],
	},
	botKeyOptions,
];

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('flow', 'trigger'),
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	return await processItems.call(this, items, async (i) => {
		const flowKey = requirePathId(node, this.getNodeParameter('flowKey', i), 'Flow Key', i);
		const version = this.getNodeParameter('apiVersion', i) as string;
		const phone = phoneDigits(node, this.getNodeParameter('phoneNumber', i), 'Phone Number', i);
		const userName = readText(node, this.getNodeParameter('userName', i, ''), 'User Name', i);
		const attributes = keyValuesToObject(this.getNodeParameter('attributes', i, {}));
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const user: IDataObject = {
			'user.phone_no': phone,
			...(userName ? { 'user.user_name': userName } : {}),
		};
		const path = `/bot-api/${version === 'v1' ? 'v1.0' : 'v2.0'}/customer/{customerId}/bot/{botKey}/flow/${encodeURIComponent(flowKey)}`;
		const body = await engatiRequest.call(this, {
			method: 'POST',
			path,
			...(version === 'v1'
				? { qs: { ...attributes, ...user } }
				: {
						body: {
							'user.channel': this.getNodeParameter('channel', i) as string,
							...user,
							...attributes,
						},
					}),
			pathParams: { botKey: (options.botKey as string) || undefined },
			itemIndex: i,
		});
		const result = responseObject(body);
		return {
			triggered: true,
			flowKey,
			phoneNumber: phone,
			...(result && typeof result === 'object' && !Array.isArray(result)
				? (result as IDataObject)
				: { response: result as IDataObject[keyof IDataObject] }),
		};
	});
}
