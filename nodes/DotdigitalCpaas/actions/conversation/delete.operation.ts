import type { INodeProperties } from 'n8n-workflow';

import { conversationLocator, defineOperation } from '../common';

const fields: INodeProperties[] = [conversationLocator()];

export const { description, execute } = defineOperation({
	resource: 'conversation',
	operation: 'delete',
	method: 'DELETE',
	path: '/conversations/{conversationId}',
	fields,
});
