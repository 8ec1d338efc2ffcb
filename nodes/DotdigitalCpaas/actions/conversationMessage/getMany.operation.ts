import { conversationLocator } from '../common';
import { messagePageOperation } from './fields';

export const { description, execute } = messagePageOperation({
	resource: 'conversationMessage',
	ownerField: conversationLocator(),
	path: '/conversations/{conversationId}/messages',
});
