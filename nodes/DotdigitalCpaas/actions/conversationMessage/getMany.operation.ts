import { idField } from '../common';
import { messagePageOperation } from './fields';

export const { description, execute } = messagePageOperation({
	resource: 'conversationMessage',
	ownerField: idField('conversationId', 'Conversation ID', 'ID of the conversation'),
	path: '/conversations/{conversationId}/messages',
});
