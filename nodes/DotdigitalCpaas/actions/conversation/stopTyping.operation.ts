import type { INodeProperties } from 'n8n-workflow';

import { conversationLocator, defineOperation } from '../common';

const fields: INodeProperties[] = [conversationLocator()];

export const { description, execute } = defineOperation({
	resource: 'conversation',
	operation: 'stopTyping',
	method: 'DELETE',
	path: '/conversations/{conversationId}/typing',
	fields,
	result() {
		return { success: true };
	},
});
