import { idField } from '../common';
import { eventPageOperation } from './fields';

export const { description, execute } = eventPageOperation({
	resource: 'conversationMessage',
	ownerField: idField('conversationId', 'Conversation ID', 'ID of the conversation'),
	path: '/conversations/{conversationId}/events',
});
