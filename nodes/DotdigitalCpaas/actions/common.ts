import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { ItemResult, OperationModule } from '../../shared';
import {
	inputError,
	parseJsonArray,
	parseJsonObject,
	processItems,
	readPositiveInteger,
	requirePathId,
	requireValue,
	returnAllOrLimit,
	showFor,
	updateDisplayOptions,
} from '../../shared';
import { dotdigitalRequest } from '../transport';

/**
 * One request per item, described by a table row: the operation file keeps its own fields and
 * says how they become the path, query and body. Used where a family has many similar endpoints.
 */
export interface SimpleOperation {
	resource: string;
	operation: string;
	method: IHttpRequestMethods;
	/** Relative path; `{field}` placeholders are filled (URL-encoded) from the fields of the same name. */
	path: string;
	fields: INodeProperties[];
	/** Query string for an item; by default the non-empty entries of the `options` collection. */
	query?: (this: IExecuteFunctions, itemIndex: number) => IDataObject | undefined;
	body?: (this: IExecuteFunctions, itemIndex: number) => unknown;
	/** Turns the response into output; by default the body (arrays become one item per entry). */
	result?: (this: IExecuteFunctions, response: unknown, itemIndex: number) => ItemResult;
	/** Whether a list result honours Return All / Limit (the vendor returns the whole list). */
	list?: boolean;
	/** Whether replaying the request cannot act twice (POSTs that only set state). */
	idempotent?: boolean;
}

export function param(
	this: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback?: unknown,
): unknown {
	return this.getNodeParameter(name, itemIndex, fallback);
}

/** A required text parameter, trimmed, with an error naming the field when empty. */
export function requiredString(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): string {
	return requireValue(this.getNode(), this.getNodeParameter(name, itemIndex, ''), label, itemIndex);
}

export function jsonObject(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): IDataObject {
	return parseJsonObject(
		this.getNode(),
		this.getNodeParameter(name, itemIndex, '{}'),
		label,
		itemIndex,
	);
}

export function jsonArray(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): unknown[] {
	return parseJsonArray(
		this.getNode(),
		this.getNodeParameter(name, itemIndex, '[]'),
		label,
		itemIndex,
	);
}

/** The `options` collection without empty values (empty strings, empty lists). */
export function optionsQuery(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const options = this.getNodeParameter('options', itemIndex, {}) as IDataObject;
	const query: IDataObject = {};
	for (const [key, value] of Object.entries(options)) {
		if (value === '' || value === undefined || value === null) continue;
		if (Array.isArray(value) && value.length === 0) continue;
		query[key] = value;
	}
	return query;
}

/** A comma-separated text field as a list of trimmed, non-empty values. */
export function splitList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
	return String(value ?? '')
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
}

/**
 * List parameters go on the path as `name=a&name=b` (the vendor's form); the request helper would
 * write `name[0]=a`. Scalars stay in `qs`.
 */
function fillFields(
	this: IExecuteFunctions,
	path: string,
	fields: INodeProperties[],
	itemIndex: number,
): string {
	return path.replace(/\{(\w+)\}/g, (whole, name: string) => {
		const field = fields.find((f) => f.name === name);
		if (!field) return whole;
		const value = requirePathId(
			this.getNode(),
			this.getNodeParameter(name, itemIndex, ''),
			field.displayName,
			itemIndex,
		);
		return encodeURIComponent(value);
	});
}

function defaultResult(method: IHttpRequestMethods, response: unknown): ItemResult {
	if (
		method === 'DELETE' &&
		(response === undefined || response === null || response === '' || isEmptyObject(response))
	) {
		return { deleted: true };
	}
	if (Array.isArray(response)) {
		return response.map((entry) =>
			entry && typeof entry === 'object' ? (entry as IDataObject) : { value: entry as string },
		);
	}
	if (response === undefined || response === null || response === '' || isEmptyObject(response))
		return { success: true };
	if (typeof response !== 'object') return { value: response as string };
	return response as IDataObject;
}

function isEmptyObject(value: unknown): boolean {
	return (
		typeof value === 'object' &&
		value !== null &&
		!Array.isArray(value) &&
		Object.keys(value).length === 0
	);
}

/** Description and execute for a table-row operation. */
export function defineOperation(spec: SimpleOperation): OperationModule {
	const fields = spec.list ? [...spec.fields, ...returnAllOrLimit()] : spec.fields;
	return {
		description: updateDisplayOptions(showFor(spec.resource, spec.operation), fields),
		async execute(
			this: IExecuteFunctions,
			items: INodeExecutionData[],
		): Promise<INodeExecutionData[]> {
			return await processItems.call(this, items, async (itemIndex) => {
				const path = fillFields.call(this, spec.path, spec.fields, itemIndex);
				const query = spec.query
					? spec.query.call(this, itemIndex)
					: spec.fields.some((f) => f.name === 'options')
						? optionsQuery.call(this, itemIndex)
						: undefined;
				const body = spec.body?.call(this, itemIndex);
				const response = await dotdigitalRequest.call(this, {
					method: spec.method,
					path,
					qs: query,
					arrayFormat: 'repeat', // the API reads lists as id=a&id=b
					body,
					itemIndex,
					...(spec.idempotent !== undefined ? { idempotent: spec.idempotent } : {}),
				});
				let result = spec.result
					? spec.result.call(this, response, itemIndex)
					: defaultResult(spec.method, response);
				if (
					spec.list &&
					Array.isArray(result) &&
					!this.getNodeParameter('returnAll', itemIndex, false)
				) {
					result = (result as IDataObject[]).slice(
						0,
						readPositiveInteger(
							this.getNode(),
							this.getNodeParameter('limit', itemIndex, 50),
							'Limit',
							itemIndex,
						),
					);
				}
				return result;
			});
		},
	};
}

/** A required text field. */
export function idField(name: string, displayName: string, description: string): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: '', description };
}

/** A JSON body field. */
export function jsonField(
	name: string,
	displayName: string,
	description: string,
	example: string,
	required = false,
): INodeProperties {
	return { displayName, name, type: 'json', required, default: example, description };
}

/** Bad choice in a field, named in the error. */
export function invalidField(
	this: IExecuteFunctions,
	label: string,
	message: string,
	itemIndex: number,
): Error {
	return inputError(this.getNode(), `"${label}" ${message}`, { itemIndex });
}

/** Channels a message can go through, for `rules`, `customBody` and `channelOptions`. */
export const CHANNEL_OPTIONS = [
	{ name: 'App Messaging', value: 'appMessaging' },
	{ name: 'Email', value: 'email' },
	{ name: 'Facebook Messenger', value: 'fbMessenger' },
	{ name: 'MMS', value: 'mms' },
	{ name: 'Native Push', value: 'nativePush' },
	{ name: 'RCS', value: 'rcs' },
	{ name: 'SMS', value: 'sms' },
	{ name: 'WhatsApp', value: 'whatsApp' },
];
