import type { IExecuteFunctions, INodeExecutionData, INodeProperties } from 'n8n-workflow';

import { processItems, showFor, updateDisplayOptions } from '../../../shared';
import { dotdigitalRequest } from '../../transport';
import { buildMessage, messageProperties } from './fields';

export const description: INodeProperties[] = updateDisplayOptions(showFor('message', 'send'), messageProperties);

export async function execute(this: IExecuteFunctions, items: INodeExecutionData[]): Promise<INodeExecutionData[]> {
	return await processItems.call(this, items, async (itemIndex) => {
		const message = buildMessage.call(this, itemIndex);
		// A send is not replayed after a 5xx or a broken connection: it could reach the recipient twice.
		return await dotdigitalRequest.call(this, { method: 'POST', path: '/messages', body: message, itemIndex });
	});
}
