import type { IDataObject, IExecuteFunctions, INodeExecutionData } from 'n8n-workflow';

import { attachItem, errorItemJson } from './errors';

export type ItemResult = IDataObject | IDataObject[] | INodeExecutionData | INodeExecutionData[];

function isExecutionData(value: unknown): value is INodeExecutionData {
	return typeof value === 'object' && value !== null && 'json' in value;
}

/** Turns one item's result into output items paired with that item. */
export function pairResult(
	ctx: IExecuteFunctions,
	result: ItemResult,
	itemIndex: number,
): INodeExecutionData[] {
	const list = Array.isArray(result) ? result : [result];
	if (list.length > 0 && isExecutionData(list[0])) {
		return (list as INodeExecutionData[]).map((entry) => ({
			...entry,
			pairedItem: { item: itemIndex },
		}));
	}
	return ctx.helpers.constructExecutionMetaData(
		ctx.helpers.returnJsonArray(list as IDataObject[]),
		{
			itemData: { item: itemIndex },
		},
	);
}

/** The output item that stands for a failed input item under continue-on-fail. */
export function errorItem(error: unknown, itemIndex: number): INodeExecutionData {
	return { json: errorItemJson(error), pairedItem: { item: itemIndex } };
}

/**
 * The per-item loop every one-call-per-item operation uses: each item's output is paired with it;
 * a failing item becomes an error item under continue-on-fail, or stops the node naming the item.
 */
export async function processItems(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
	handle: (itemIndex: number) => Promise<ItemResult>,
): Promise<INodeExecutionData[]> {
	const output: INodeExecutionData[] = [];
	for (let itemIndex = 0; itemIndex < items.length; itemIndex++) {
		try {
			output.push(...pairResult(this, await handle(itemIndex), itemIndex));
		} catch (error) {
			const attributed = attachItem(this.getNode(), error, itemIndex);
			if (this.continueOnFail()) {
				output.push(errorItem(attributed, itemIndex));
				continue;
			}
			throw attributed;
		}
	}
	return output;
}
