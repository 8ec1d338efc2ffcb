import type { INodeProperties } from 'n8n-workflow';

import { conversationLocator, defineOperation, jsonArray, jsonField } from '../common';

const fields: INodeProperties[] = [
	conversationLocator(),
	jsonField(
		'statusUpdates',
		'Status Updates (JSON)',
		'List of {messageIds, status (delivered or read), timestamp}',
		'[\n  { "messageIds": ["id"], "status": "read", "timestamp": "2026-01-01T00:00:00Z" }\n]',
		true,
	),
];

export const { description, execute } = defineOperation({
	resource: 'conversationMessage',
	operation: 'updateStatus',
	method: 'POST',
	path: '/conversations/{conversationId}/messages/statusupdates',
	fields,
	body(i: number) {
		return jsonArray.call(this, 'statusUpdates', 'Status Updates (JSON)', i);
	},
	idempotent: true,
});
