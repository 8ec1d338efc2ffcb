import type { INodeProperties } from 'n8n-workflow';

import { CONVERSATION_OUTPUT, conversationLocator, defineOperation } from '../common';

const fields: INodeProperties[] = [conversationLocator()];

export const { description, execute } = defineOperation({
	resource: 'conversation',
	operation: 'get',
	method: 'GET',
	path: '/conversations/{conversationId}',
	fields,
	output: CONVERSATION_OUTPUT,
});
