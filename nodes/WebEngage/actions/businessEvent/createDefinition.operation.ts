import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	inputError,
	processItems,
	requireValue,
	showFor,
	updateDisplayOptions,
} from '../../../shared';
import { webEngageBusinessRequest } from '../../transport';

const DATA_TYPES = ['array', 'boolean', 'date', 'map', 'number', 'string'];

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('businessEvent', 'createDefinition'),
	[
		{
			displayName: 'WebEngage allows one new definition per minute',
			name: 'definitionNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Event Name',
			name: 'eventName',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Price Drop',
			description: 'Name of the new business event; Trigger sends events by this name',
		},
		{
			displayName: 'Attributes',
			name: 'attributes',
			type: 'fixedCollection',
			placeholder: 'Add Attribute',
			typeOptions: { multipleValues: true },
			default: {},
			description: 'The attributes each event of this kind carries, with their data types',
			options: [
				{
					displayName: 'Attribute',
					name: 'values',
					values: [
						{
							displayName: 'Name',
							name: 'attributeName',
							type: 'string',
							default: '',
							placeholder: 'e.g. productId',
							description: 'Attribute name, as Trigger sends it in the event data (case-sensitive)',
						},
						{
							displayName: 'Data Type',
							name: 'dataType',
							type: 'options',
							options: [
								{ name: 'Array', value: 'array' },
								{ name: 'Boolean', value: 'boolean' },
								{ name: 'Date', value: 'date' },
								{ name: 'Map', value: 'map' },
								{ name: 'Number', value: 'number' },
								{ name: 'String', value: 'string' },
							],
							default: 'string',
							description:
								'Type of the attribute values. Relays map only number, string, date and boolean attributes.',
						},
					],
				},
			],
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await processItems.call(this, items, async (i) => {
		const node = this.getNode();
		const eventName = requireValue(node, this.getNodeParameter('eventName', i), 'Event Name', i);
		const list = ((this.getNodeParameter('attributes', i, {}) as IDataObject).values ??
			[]) as Array<{
			attributeName?: string;
			dataType?: string;
		}>;
		const attributes = list.map(({ attributeName, dataType }, position) => {
			const name = String(attributeName ?? '').trim();
			if (name === '')
				throw inputError(node, `Attribute ${position + 1} has no name`, { itemIndex: i });
			if (!DATA_TYPES.includes(String(dataType))) {
				throw inputError(
					node,
					`Attribute "${name}" has an unknown data type "${String(dataType)}"`,
					{ itemIndex: i },
				);
			}
			return { attributeName: name, dataType: dataType as string };
		});
		// Not replayed after a 5xx: WebEngage documents no dedupe key for definitions.
		const response = await webEngageBusinessRequest.call(this, {
			method: 'POST',
			path: '/v2/accounts/{licenseCode}/business/events/definition',
			body: { eventName, attributes, eventCategory: 'BUSINESS' },
			itemIndex: i,
		});
		return { eventName, attributes, ...((response.response as IDataObject | undefined) ?? {}) };
	});
}
