import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, idField } from '../common';

const fields: INodeProperties[] = [
	idField('chatId', 'Chat ID', 'ID of the chat'),
	{
		displayName: 'From Event ID',
		name: 'fromEventId',
		type: 'number',
		typeOptions: { minValue: 0 },
		required: true,
		default: 0,
		description: 'Event ID to read forwards from (0 for the first event)',
	},
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1 },
		default: 50,
		description: 'Max number of results to return',
	},
];

export const { description, execute } = defineOperation({
	resource: 'chatMessage',
	operation: 'getEvents',
	method: 'GET',
	path: '/chats/{chatId}/events',
	fields,
	query(i: number) {
		return { from: this.getNodeParameter('fromEventId', i) as number, limit: this.getNodeParameter('limit', i) as number };
	},
});
