import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, idField, optionsQuery } from '../common';

const fields: INodeProperties[] = [
	idField('chatId', 'Chat ID', 'ID of the chat'),
	{
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		typeOptions: { minValue: 1, maxValue: 100 },
		default: 50,
		description: 'Max number of results to return',
	},
	{
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Before Event ID',
				name: 'from',
				type: 'number',
				typeOptions: { minValue: 0 },
				default: 0,
				description: 'Event ID to read backwards from; the answer gives earliestEventId for the next page',
			},
		],
	},
];

export const { description, execute } = defineOperation({
	resource: 'chatMessage',
	operation: 'getMany',
	method: 'GET',
	path: '/chats/{chatId}/messages',
	fields,
	query(i: number) {
		return { ...optionsQuery.call(this, i), limit: this.getNodeParameter('limit', i) as number };
	},
});
