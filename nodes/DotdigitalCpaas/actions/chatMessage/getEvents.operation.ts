import { chatLocator } from '../common';
import { eventPageOperation } from '../conversationMessage/fields';

export const { description, execute } = eventPageOperation({
	resource: 'chatMessage',
	ownerField: chatLocator(),
	path: '/chats/{chatId}/events',
});
