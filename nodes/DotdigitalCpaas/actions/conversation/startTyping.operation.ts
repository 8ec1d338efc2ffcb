import type { INodeProperties } from 'n8n-workflow';

import { conversationLocator, defineOperation } from '../common';

const fields: INodeProperties[] = [conversationLocator()];

export const { description, execute } = defineOperation({
	resource: 'conversation',
	operation: 'startTyping',
	method: 'POST',
	path: '/conversations/{conversationId}/typing',
	fields,
	idempotent: true,
});
