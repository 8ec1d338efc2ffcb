import type { INodeProperties } from 'n8n-workflow';

import type { ResourceMap } from '../../shared';
import * as analytics from './analytics/Analytics.resource';
import * as chat from './chat/Chat.resource';
import * as chatConfig from './chatConfig/ChatConfig.resource';
import * as chatMessage from './chatMessage/ChatMessage.resource';
import * as chatPresence from './chatPresence/ChatPresence.resource';
import * as content from './content/Content.resource';
import * as conversation from './conversation/Conversation.resource';
import * as conversationMessage from './conversationMessage/ConversationMessage.resource';
import * as facebook from './facebook/Facebook.resource';
import * as message from './message/Message.resource';
import * as messageHistory from './messageHistory/MessageHistory.resource';
import * as profile from './profile/Profile.resource';
import * as session from './session/Session.resource';
import * as template from './template/Template.resource';
import * as webhook from './webhook/Webhook.resource';

/** Every resource and operation of the node; the router dispatches through this map. */
export const operations: ResourceMap = {
	analytics: analytics.operations,
	chat: chat.operations,
	chatConfig: chatConfig.operations,
	chatMessage: chatMessage.operations,
	chatPresence: chatPresence.operations,
	content: content.operations,
	conversation: conversation.operations,
	conversationMessage: conversationMessage.operations,
	facebook: facebook.operations,
	message: message.operations,
	messageHistory: messageHistory.operations,
	profile: profile.operations,
	session: session.operations,
	template: template.operations,
	webhook: webhook.operations,
};

export const resourceProperty: INodeProperties = {
	displayName: 'Resource',
	name: 'resource',
	type: 'options',
	noDataExpression: true,
	options: [
		{ name: 'Analytics', value: 'analytics' },
		{ name: 'Chat', value: 'chat' },
		{ name: 'Chat Config', value: 'chatConfig' },
		{ name: 'Chat Message', value: 'chatMessage' },
		{ name: 'Chat Presence', value: 'chatPresence' },
		{ name: 'Content', value: 'content' },
		{ name: 'Conversation', value: 'conversation' },
		{ name: 'Conversation Message', value: 'conversationMessage' },
		{ name: 'Facebook Messenger', value: 'facebook' },
		{ name: 'Message', value: 'message' },
		{ name: 'Message History', value: 'messageHistory' },
		{ name: 'Profile', value: 'profile' },
		{ name: 'Session', value: 'session' },
		{ name: 'Template', value: 'template' },
		{ name: 'Webhook', value: 'webhook' },
	],
	default: 'message',
};

export const resourceDescriptions: INodeProperties[] = [
	...analytics.description,
	...chat.description,
	...chatConfig.description,
	...chatMessage.description,
	...chatPresence.description,
	...content.description,
	...conversation.description,
	...conversationMessage.description,
	...facebook.description,
	...message.description,
	...messageHistory.description,
	...profile.description,
	...session.description,
	...template.description,
	...webhook.description,
];
