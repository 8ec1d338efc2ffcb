import { idField } from '../common';
import { messagePageOperation } from '../conversationMessage/fields';

export const { description, execute } = messagePageOperation({
	resource: 'chatMessage',
	ownerField: idField('chatId', 'Chat ID', 'ID of the chat'),
	path: '/chats/{chatId}/messages',
});
