import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, idField } from '../common';

const fields: INodeProperties[] = [
	idField('conversationId', 'Conversation ID', 'ID of the conversation'),
];

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
