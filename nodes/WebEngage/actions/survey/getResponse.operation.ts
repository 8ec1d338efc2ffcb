import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { processItems, requireValue, showFor, updateDisplayOptions } from '../../../shared';
import { webEngageRequest } from '../../transport';

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('survey', 'getResponse'),
	[
		{
			displayName: 'Response ID',
			name: 'responseId',
			type: 'string',
			default: '',
			required: true,
			description: 'ID of one survey response, e.g. from a Survey Response webhook',
		},
	],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return await processItems.call(this, items, async (i) => {
		const responseId = requireValue(
			this.getNode(),
			this.getNodeParameter('responseId', i),
			'Response ID',
			i,
		);
		// The only WebEngage path without the account segment: the response ID is global.
		const response = await webEngageRequest.call(this, {
			method: 'GET',
			path: `/v1/survey/response/${encodeURIComponent(responseId)}`,
			itemIndex: i,
		});
		return ((response.response as IDataObject | undefined)?.data as IDataObject | undefined) ?? {};
	});
}
