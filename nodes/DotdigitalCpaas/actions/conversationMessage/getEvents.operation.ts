import { conversationLocator } from '../common';
import { eventPageOperation } from './fields';

export const { description, execute } = eventPageOperation({
	resource: 'conversationMessage',
	ownerField: conversationLocator(),
	path: '/conversations/{conversationId}/events',
});
