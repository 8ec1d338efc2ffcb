import type { INodeProperties } from 'n8n-workflow';

import { conversationLocator, defineOperation } from '../common';

const fields: INodeProperties[] = [conversationLocator()];

export const { description, execute } = defineOperation({
	resource: 'conversation',
	operation: 'getParticipants',
	method: 'GET',
	path: '/conversations/{conversationId}/participants',
	fields,
});
