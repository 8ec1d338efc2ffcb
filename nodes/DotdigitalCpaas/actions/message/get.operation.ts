import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, idField } from '../common';

const fields: INodeProperties[] = [
	idField('messageId', 'Message ID', 'ID (a GUID) that Message → Send returned for the message'),
];

export const { description, execute } = defineOperation({
	resource: 'message',
	operation: 'get',
	method: 'GET',
	path: '/messages/{messageId}',
	fields,
});
