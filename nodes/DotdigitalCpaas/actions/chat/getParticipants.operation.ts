import type { INodeProperties } from 'n8n-workflow';

import { chatLocator, defineOperation } from '../common';

const fields: INodeProperties[] = [chatLocator()];

export const { description, execute } = defineOperation({
	resource: 'chat',
	operation: 'getParticipants',
	method: 'GET',
	path: '/chats/{chatId}/participants',
	fields,
});
