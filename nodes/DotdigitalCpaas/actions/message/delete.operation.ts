import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, idField } from '../common';

const fields: INodeProperties[] = [
	idField('messageId', 'Message ID', 'ID returned when the message was sent'),
];

export const { description, execute } = defineOperation({
	resource: 'message',
	operation: 'delete',
	method: 'DELETE',
	path: '/messages/{messageId}',
	fields,
});
