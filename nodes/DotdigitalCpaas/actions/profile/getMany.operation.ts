import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	offsetPages,
	paginate,
	processItems,
	readPositiveInteger,
	returnAllOrLimit,
	showFor,
	updateDisplayOptions,
} from '../../../shared';
import { dotdigitalRequest } from '../../transport';

/** Profiles per request when paging with `$skip`/`$limit` (inferred: no documented maximum). */
export const PROFILE_PAGE_SIZE = 100;

/**
 * A filter value as dotdigital's `GET /profiles` reads it (mongo-querystring): text that parses as a
 * number is taken as a number, and "strings that are numeric … can be wrapped in single quotes to
 * prevent them being interpreted as numbers" (the OpenAPI's description of the endpoint). So a
 * numeric value meant as text (a phone number, an ID) is quoted; already-quoted values and values
 * with an operator are left as typed.
 */
export function filterValue(value: string, numbersAsText = true): string {
	if (!numbersAsText || /^'.*'$/s.test(value)) return value;
	// mongo-querystring's test for "numeric": parseInt finds a number and the whole text is one.
	const numeric = !Number.isNaN(parseInt(value, 10)) && Number.isFinite(Number(value));
	return numeric ? `'${value}'` : value;
}

export const description: INodeProperties[] = updateDisplayOptions(showFor('profile', 'getMany'), [
	...returnAllOrLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Filter',
		default: {},
		description:
			'Field conditions in mongo-querystring form, e.g. email = jane@example.com, phoneNumber = 447700900123 or age = >30',
		options: [
			{
				name: 'values',
				displayName: 'Filter',
				values: [
					{
						displayName: 'Field',
						name: 'field',
						type: 'string',
						default: '',
						placeholder: 'e.g. email',
						description: 'Profile field to test, e.g. email or phoneNumber',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. jane@example.com',
						description:
							'Value the field must have; a leading operator such as >, < or ! compares instead',
					},
					{
						displayName: 'Match Numbers As',
						name: 'numbersAs',
						type: 'options',
						options: [
							{
								name: 'Text',
								value: 'text',
								description:
									'A value made only of a number (a phone number, an ID) is sent in single quotes, so it matches text fields',
							},
							{
								name: 'Number',
								value: 'number',
								description: 'The value is sent as typed, so a number is read as a number',
							},
						],
						default: 'text',
						description:
							'A numeric value is read by dotdigital as a number unless it is wrapped in single quotes; phone numbers and IDs are stored as text. Values with an operator (>30, !x, ^x) are always sent as typed.',
					},
				],
			},
		],
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Fields',
				name: '$fields',
				type: 'string',
				default: '',
				description: 'Comma-separated fields to return',
			},
			{
				displayName: 'Include Deleted',
				name: '$includeDeleted',
				type: 'boolean',
				default: false,
				description: 'Whether to include deleted profiles',
			},
			{
				displayName: 'Include Devices',
				name: '$includeDevices',
				type: 'boolean',
				default: false,
				description: 'Whether to include push devices',
			},
			{
				displayName: 'Include Sessions',
				name: '$includeSessions',
				type: 'boolean',
				default: false,
				description: "Whether to include each profile's app messaging sessions",
			},
			{
				displayName: 'Include System Profiles',
				name: '$includeSystem',
				type: 'boolean',
				default: false,
				description: 'Whether to include the profiles dotdigital keeps for system use',
			},
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: PROFILE_PAGE_SIZE,
				description: 'Profiles fetched per request',
			},
		],
	},
]);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await processItems.call(this, items, async (itemIndex) => {
		const returnAll = this.getNodeParameter('returnAll', itemIndex, false) as boolean;
		const limit = returnAll
			? 0
			: readPositiveInteger(
					this.getNode(),
					this.getNodeParameter('limit', itemIndex, 50),
					'Limit',
					itemIndex,
				);
		const filters = (this.getNodeParameter('filters.values', itemIndex, []) as IDataObject[]) ?? [];
		const options = { ...(this.getNodeParameter('options', itemIndex, {}) as IDataObject) };
		const pageSize =
			options.pageSize === undefined || options.pageSize === ''
				? PROFILE_PAGE_SIZE
				: readPositiveInteger(this.getNode(), options.pageSize, 'Page Size', itemIndex);
		delete options.pageSize;
		const query: IDataObject = {};
		for (const [key, value] of Object.entries(options))
			if (value !== '' && value !== false) query[key] = value;
		for (const filter of filters) {
			const field = String(filter.field ?? '').trim();
			if (field)
				query[field] = filterValue(String(filter.value ?? ''), filter.numbersAs !== 'number');
		}
		return await paginate({
			returnAll,
			limit,
			fetchPage: offsetPages(pageSize, async (offset, size) => {
				const page = await dotdigitalRequest.call(this, {
					method: 'GET',
					path: '/profiles',
					qs: { ...query, $skip: offset, $limit: size },
					itemIndex,
				});
				return Array.isArray(page) ? (page as IDataObject[]) : [];
			}),
		});
	});
}
