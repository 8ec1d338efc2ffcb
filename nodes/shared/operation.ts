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
	const fields = spec.list ? [...spec.fields, ...returnAllOrLimit()] : spec.fields;
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
				return result;
			});
		},
	};
}
