import { idField } from '../common';
import { eventPageOperation } from '../conversationMessage/fields';

export const { description, execute } = eventPageOperation({
	resource: 'chatMessage',
	ownerField: idField('chatId', 'Chat ID', 'ID of the chat'),
	path: '/chats/{chatId}/events',
});
