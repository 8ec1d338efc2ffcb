import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { defineOperation, idField } from '../common';

const fields: INodeProperties[] = [
	idField('messageId', 'Message ID', 'ID (a GUID) that Message → Send returned for the message'),
	{
		displayName: 'Redact',
		name: 'redact',
		type: 'boolean',
		default: true,
		description: 'Whether to remove the message content',
	},
	{
		displayName: 'Redact Source',
		name: 'redactSource',
		type: 'options',
		options: [
			{ name: 'Chat', value: 'chat' },
			{ name: 'Message', value: 'message' },
		],
		default: 'message',
		description: 'Which copy of the content to redact',
	},
];

export const { description, execute } = defineOperation({
	resource: 'message',
	operation: 'update',
	method: 'PATCH',
	path: '/messages/{messageId}',
	fields,
	body(i: number) {
		return {
			redact: this.getNodeParameter('redact', i) as boolean,
			redactSource: this.getNodeParameter('redactSource', i) as string,
		};
	},
	idempotent: true,
	result(response: unknown) {
		return response && typeof response === 'object' && Object.keys(response).length
			? (response as IDataObject)
			: { updated: true };
	},
});
