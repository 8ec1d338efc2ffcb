import type { IExecuteFunctions, INode, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { errorItem } from './items';

/** One operation = one file exporting its fields and its execute. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

/** One entry of a resource's operations map: the Operation dropdown option and its module. */
export interface OperationEntry {
	/** Dropdown label, e.g. `Get Many`. */
	name: string;
	description: string;
	/** n8n's action text, e.g. `Get many templates`. */
	action: string;
	module: OperationModule;
}

/** A resource's operations by dropdown value: `<Res>.resource.ts` exports one. */
export type ResourceOperations = Record<string, OperationEntry>;

/** Every resource of a node by dropdown value: what `route` dispatches through. */
export type ResourceMap = Record<string, ResourceOperations>;

/**
 * A resource's fields, built from its operations map: the Operation dropdown (options in
 * alphabetical order, one per map key) and then each operation's own fields in map order.
 * `before` are fields shown above the dropdown (e.g. a notice).
 */
export function resourceDescription(
	resource: string,
	operations: ResourceOperations,
	options: { default: string; before?: INodeProperties[] },
): INodeProperties[] {
	if (!(options.default in operations)) {
		throw new Error(`Default operation "${options.default}" of "${resource}" is not in its map`);
	}
	const choices = Object.entries(operations)
		.map(([value, entry]) => ({
			name: entry.name,
			value,
			description: entry.description,
			action: entry.action,
		}))
		.sort((a, b) => a.name.localeCompare(b.name));
	const dropdown: INodeProperties = {
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		default: '',
	};
	dropdown.displayOptions = { show: { resource: [resource] } };
	dropdown.options = choices;
	dropdown.default = options.default;
	return [
		...(options.before ?? []),
		dropdown,
		...Object.values(operations).flatMap((entry) => entry.module.description),
	];
}

/** Dispatches the node's selected resource and operation to its operation module. */
export async function route(
	this: IExecuteFunctions,
	resources: ResourceMap,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = Object.prototype.hasOwnProperty.call(resources[resource] ?? {}, operation)
		? resources[resource][operation].module
		: undefined;
	if (!module) {
		throw new NodeOperationError(
			this.getNode(),
			`The operation "${operation}" of "${resource}" is not supported`,
		);
	}
	return [await module.execute.call(this, items)];
}

/**
 * A node's execute() under continue-on-fail when the error escaped the per-item handling (items fail
 * one by one inside the operations; this is for what fails around them, e.g. an unknown operation):
 * every input item becomes an error item paired with itself.
 */
export function failedItems(this: IExecuteFunctions, error: unknown): INodeExecutionData[][] {
	return [this.getInputData().map((_, itemIndex) => errorItem(error, itemIndex))];
}

/** The error a node's execute() stops with: n8n's own error types pass unchanged, anything else is wrapped. */
export function asNodeError(node: INode, error: unknown): NodeApiError | NodeOperationError {
	if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
	return new NodeOperationError(node, error instanceof Error ? error : String(error));
}
