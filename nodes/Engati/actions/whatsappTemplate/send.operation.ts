import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	nodeParameter,
	parameterReader,
	processItems,
	showFor,
	updateDisplayOptions,
} from '../../../shared';
import { engatiRequest, responseObject } from '../../transport';
import { botKeyOptions, phonePlus } from '../common';
import { buildTemplate, templateProperties } from './fields';

const properties: INodeProperties[] = [
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. +919876543210',
		description:
			"Recipient's WhatsApp number with country code (E.164); spaces and dashes are removed and a + is added",
	},
	...templateProperties,
	botKeyOptions,
];

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('whatsappTemplate', 'send'),
	properties,
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const node = parameterReader(this).node;
	return await processItems.call(this, items, async (i) => {
		const phoneNumber = phonePlus(node, nodeParameter(this, 'phoneNumber', i), 'Phone Number', i);
		const payload = buildTemplate.call(this, i);
		const options = nodeParameter(this, 'options', i, {}) as IDataObject;
		// A POST without a dedupe key: the core does not replay it after a 5xx, so nobody gets it twice.
		const body = await engatiRequest.call(this, {
			method: 'POST',
			path: '/whatsapp-api/v1.0/customer/{customerId}/bot/{botKey}/template',
			body: { phoneNumber, payload },
			pathParams: { botKey: (options.botKey as string) || undefined },
			itemIndex: i,
		});
		const result = responseObject(body);
		const details =
			result && typeof result === 'object' && !Array.isArray(result) ? (result as IDataObject) : {};
		return {
			phoneNumber,
			templateName: payload.name as string,
			messageId: (details.message_id as string) ?? null,
			...details,
		};
	});
}
