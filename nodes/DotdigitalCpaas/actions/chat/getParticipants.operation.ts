import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, idField } from '../common';

const fields: INodeProperties[] = [idField('chatId', 'Chat ID', 'ID of the chat')];

export const { description, execute } = defineOperation({
	resource: 'chat',
	operation: 'getParticipants',
	method: 'GET',
	path: '/chats/{chatId}/participants',
	fields,
});
