import { idField } from '../common';
import { eventPageOperation } from '../messageFeed';

export const { description, execute } = eventPageOperation({
	resource: 'chatMessage',
	ownerField: idField('chatId', 'Chat ID', 'ID of the chat'),
	path: '/chats/{chatId}/events',
});
