import type { INodeProperties } from 'n8n-workflow';

import { CHAT_OUTPUT, chatLocator, defineOperation } from '../common';

const fields: INodeProperties[] = [chatLocator()];

export const { description, execute } = defineOperation({
	resource: 'chat',
	operation: 'get',
	method: 'GET',
	path: '/chats/{chatId}',
	fields,
	output: CHAT_OUTPUT,
});
