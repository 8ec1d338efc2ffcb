import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	processItems,
	readPositiveInteger,
	requireValue,
	returnAllOrLimit,
	showFor,
	updateDisplayOptions,
} from '../../../shared';
import { engatiRequest, listOf, responseObject } from '../../transport';
import { botKeyOverride } from '../common';

const properties: INodeProperties[] = [
	{
		displayName: 'Attribute Name',
		name: 'attributeName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. feedback',
		description: 'Name of the user attribute to match',
	},
	{
		displayName: 'Attribute Value',
		name: 'attributeValue',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 1 star',
		description: 'Value the attribute must have',
	},
	...returnAllOrLimit(),
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [botKeyOverride],
	},
];

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('user', 'getManyByAttribute'),
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	return await processItems.call(this, items, async (i) => {
		const attributeName = requireValue(
			node,
			this.getNodeParameter('attributeName', i),
			'Attribute Name',
			i,
		);
		const attributeValue = requireValue(
			node,
			this.getNodeParameter('attributeValue', i),
			'Attribute Value',
			i,
		);
		const returnAll = this.getNodeParameter('returnAll', i) as boolean;
		const limit = returnAll
			? 0
			: readPositiveInteger(node, this.getNodeParameter('limit', i), 'Limit', i);
		const options = this.getNodeParameter('options', i, {}) as IDataObject;
		const body = await engatiRequest.call(this, {
			method: 'GET',
			path: '/bot-api/v1.0/customer/{customerId}/bot/{botKey}/users',
			qs: { attribute_name: attributeName, attribute_value: attributeValue },
			pathParams: { botKey: (options.botKey as string) || undefined },
			itemIndex: i,
		});
		// The API has no paging: Limit trims the one list it returns.
		const users = listOf(responseObject(body), ['users', 'content', 'data']);
		return returnAll ? users : users.slice(0, limit);
	});
}
