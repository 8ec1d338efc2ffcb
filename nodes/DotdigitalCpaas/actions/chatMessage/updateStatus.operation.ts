import type { INodeProperties } from 'n8n-workflow';

import { chatLocator, defineOperation, jsonArray, jsonField } from '../common';

const fields: INodeProperties[] = [
	chatLocator(),
	jsonField(
		'statusUpdates',
		'Status Updates (JSON)',
		'List of {messageIds, status (delivered or read), timestamp}',
		'[\n  { "messageIds": ["id"], "status": "read", "timestamp": "2026-01-01T00:00:00Z" }\n]',
		true,
	),
];

export const { description, execute } = defineOperation({
	resource: 'chatMessage',
	operation: 'updateStatus',
	method: 'POST',
	path: '/chats/{chatId}/messages/statusupdates',
	fields,
	body(i: number) {
		return jsonArray.call(this, 'statusUpdates', 'Status Updates (JSON)', i);
	},
	idempotent: true,
});
