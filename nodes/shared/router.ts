import type { IExecuteFunctions, INode, INodeExecutionData, INodeProperties } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { errorItem } from './items';

/** One operation = one file exporting its fields and its execute. */
export interface OperationModule {
	description: INodeProperties[];
	execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]>;
}

export type ResourceMap = Record<string, Record<string, OperationModule>>;

/** Dispatches the node's selected resource and operation to its operation module. */
export async function route(
	this: IExecuteFunctions,
	resources: ResourceMap,
): Promise<INodeExecutionData[][]> {
	const items = this.getInputData();
	const resource = this.getNodeParameter('resource', 0) as string;
	const operation = this.getNodeParameter('operation', 0) as string;
	const module = resources[resource]?.[operation];
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
