import { chatLocator } from '../common';
import { messagePageOperation } from '../conversationMessage/fields';

export const { description, execute } = messagePageOperation({
	resource: 'chatMessage',
	ownerField: chatLocator(),
	path: '/chats/{chatId}/messages',
});
