import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, idField } from '../common';

const fields: INodeProperties[] = [
	idField('conversationId', 'Conversation ID', 'ID of the conversation'),
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [{ displayName: 'From Event ID', name: 'from', type: 'number', default: 0, description: 'Event ID to read backwards from' }, { displayName: 'Limit', name: 'limit', type: 'number',
																																																																																																																																																																																																																																																																																					typeOptions: {
																																																																																																																																																																																																																																																																																						minValue: 1,
																																																																																																																																																																																																																																																																																					}, default: 50, description: 'Max number of results to return' }] },
];

export const { description, execute } = defineOperation({
	resource: 'conversationMessage',
	operation: 'getMany',
	method: 'GET',
	path: '/conversations/{conversationId}/messages',
	fields,
});
