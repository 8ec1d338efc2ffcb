import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { showFor, updateDisplayOptions } from './descriptions';
import type { ItemResult } from './items';
import { processItems } from './items';
import { returnAllOrLimit } from './pagination';
import type { OperationModule } from './router';
import type { ApiRequest } from './transport';
import { locatorValue, readPositiveInteger, requirePathId } from './values';

/** A vendor's request function (its transport), as the operation engine calls it. */
export type VendorRequest = (this: IExecuteFunctions, request: ApiRequest) => Promise<unknown>;

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
	/** A large read: its Simplify / Output choice (`outputProperties`, `shapeOutput`). */
	output?: OutputShape;
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

/** The values of the path's `{field}` placeholders, each a required ID from the field of that name. */
function pathParamsOf(
	this: IExecuteFunctions,
	path: string,
	fields: INodeProperties[],
	itemIndex: number,
): Record<string, string> {
	const params: Record<string, string> = {};
	for (const [, name] of path.matchAll(/\{(\w+)\}/g)) {
		const field = fields.find((f) => f.name === name);
		if (!field) continue;
		params[name] = requirePathId(
			this.getNode(),
			locatorValue(this.getNodeParameter(name, itemIndex, '')),
			field.displayName,
			itemIndex,
		);
	}
	return params;
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

/**
 * The operation engine: description and execute of a table-row operation, sending through the
 * vendor's `request`. The path's `{field}` placeholders travel as the request's `pathParams`.
 */
export function defineRequestOperation(
	request: VendorRequest,
	spec: SimpleOperation,
): OperationModule {
	const fields = [
		...spec.fields,
		...(spec.list ? returnAllOrLimit() : []),
		...(spec.output ? outputProperties(spec.output) : []),
	];
	return {
		description: updateDisplayOptions(showFor(spec.resource, spec.operation), fields),
		async execute(
			this: IExecuteFunctions,
			items: INodeExecutionData[],
		): Promise<INodeExecutionData[]> {
			return await processItems.call(this, items, async (itemIndex) => {
				const pathParams = pathParamsOf.call(this, spec.path, spec.fields, itemIndex);
				const query = spec.query
					? spec.query.call(this, itemIndex)
					: spec.fields.some((f) => f.name === 'options')
						? optionsQuery.call(this, itemIndex)
						: undefined;
				const body = spec.body?.call(this, itemIndex);
				const response = await request.call(this, {
					method: spec.method,
					path: spec.path,
					pathParams,
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
				return spec.output ? shapeOutput.call(this, result, itemIndex, spec.output) : result;
			});
		},
	};
}

/**
 * How a large read (records of more than ten fields) lets users and AI agents shrink its output:
 * `simplify` a Simplify toggle, `output` an Output option (Simplified / Raw / Selected Fields, as in
 * n8n's Microsoft Outlook node) for reads an AI agent is likely to use. `fields` are the simplified
 * record's keys and what each means (the option's description tells an agent). Node version 1
 * keeps the raw record by default (saved workflows do not change); later versions simplify.
 */
export interface OutputShape {
	kind: 'simplify' | 'output';
	/** What one record is, e.g. "profile". */
	record: string;
	fields: Record<string, string>;
}

const fieldList = (shape: OutputShape) =>
	Object.entries(shape.fields)
		.map(([key, meaning]) => `${key} (${meaning})`)
		.join(', ');

/** The Simplify / Output fields of a large read; version 1 defaults to the raw record. */
export function outputProperties(shape: OutputShape): INodeProperties[] {
	const byVersion = (version: number[], simplified: boolean): INodeProperties[] => {
		const show = { '@version': version };
		if (shape.kind === 'simplify') {
			const simplify: INodeProperties = {
				displayName: 'Simplify',
				name: 'simplify',
				type: 'boolean',
				default: false,
				description: `Whether to return a simplified version of the response instead of the raw data: each ${shape.record} with only ${fieldList(shape)}`,
			};
			simplify.default = simplified;
			simplify.displayOptions = { show };
			return [simplify];
		}
		const output: INodeProperties = {
			displayName: 'Output',
			name: 'output',
			type: 'options',
			default: 'raw',
			description: `What each ${shape.record} of the output holds: a few main fields, the whole record, or only the fields you name`,
			options: [
				{
					name: 'Raw',
					value: 'raw',
					description: `Each ${shape.record} as the API returns it`,
				},
				{
					name: 'Selected Fields',
					value: 'fields',
					description: `Only the ${shape.record} fields you name`,
				},
				{
					name: 'Simplified',
					value: 'simple',
					description: `Each ${shape.record} with only ${fieldList(shape)}`,
				},
			],
		};
		output.default = simplified ? 'simple' : 'raw';
		output.displayOptions = { show };
		const selected: INodeProperties = {
			displayName: 'Fields',
			name: 'outputFields',
			type: 'string',
			default: '',
			required: true,
			placeholder: `e.g. ${Object.keys(shape.fields).slice(0, 3).join(', ')}`,
			description:
				'Comma-separated fields to keep in each record; a dot names a nested field (parent.child)',
		};
		selected.displayOptions = { show: { ...show, output: ['fields'] } };
		return [output, selected];
	};
	return [...byVersion([1], false), ...byVersion([2], true)];
}

const isRecord = (value: unknown): value is IDataObject =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** Own fields only: a name such as `constructor` or `__proto__` never reaches the prototype. */
const has = (record: IDataObject, key: string) => Object.prototype.hasOwnProperty.call(record, key);

/**
 * The named fields of a record. A key with dots (`activity.pageUrl`) names a nested field and keeps
 * it under its parents (`{ activity: { pageUrl } }`), unless the record has a field of that exact name.
 */
function pick(record: IDataObject, keys: string[]): IDataObject {
	const picked: IDataObject = {};
	for (const key of keys) {
		if (has(record, key)) {
			picked[key] = record[key];
			continue;
		}
		const path = key.split('.');
		if (path.length < 2 || path.some((step) => step === '' || step === '__proto__')) continue;
		let value: unknown = record;
		for (const step of path) value = isRecord(value) && has(value, step) ? value[step] : undefined;
		if (value === undefined) continue;
		let target: IDataObject | undefined = picked;
		for (const step of path.slice(0, -1)) {
			if (!has(target, step)) target[step] = {};
			const parent: unknown = target[step];
			target = isRecord(parent) ? parent : undefined;
			if (!target) break;
		}
		const last = path[path.length - 1];
		// Already there when its parent was kept whole: never write into the record itself.
		if (target && !has(target, last)) target[last] = value as IDataObject;
	}
	return picked;
}

/** A read's result shaped by its Simplify / Output choice (records in, records out). */
export function shapeOutput(
	this: IExecuteFunctions,
	result: ItemResult,
	itemIndex: number,
	shape: OutputShape,
): ItemResult {
	let keys: string[] | undefined;
	if (shape.kind === 'simplify') {
		if (this.getNodeParameter('simplify', itemIndex, false) === true)
			keys = Object.keys(shape.fields);
	} else {
		const output = this.getNodeParameter('output', itemIndex, 'raw') as string;
		if (output === 'simple') keys = Object.keys(shape.fields);
		if (output === 'fields') {
			keys = String(this.getNodeParameter('outputFields', itemIndex, ''))
				.split(',')
				.map((key) => key.trim())
				.filter(Boolean);
		}
	}
	if (!keys) return result;
	const fields = keys;
	const shapeOne = (entry: IDataObject) =>
		entry && typeof entry === 'object' && !Array.isArray(entry) ? pick(entry, fields) : entry;
	return Array.isArray(result) ? result.map(shapeOne) : shapeOne(result as IDataObject);
}
