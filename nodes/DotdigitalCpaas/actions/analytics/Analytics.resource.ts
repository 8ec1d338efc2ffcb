import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
import * as getChats from './getChats.operation';
import * as getChatsLive from './getChatsLive.operation';
import * as getConversationMessages from './getConversationMessages.operation';
import * as getMessageMetrics from './getMessageMetrics.operation';
import * as getMessages from './getMessages.operation';
import * as getSessions from './getSessions.operation';
import * as getSmsInbound from './getSmsInbound.operation';
import * as getSmsOutbound from './getSmsOutbound.operation';
import * as getSmsTracking from './getSmsTracking.operation';
import * as getSmsVerify from './getSmsVerify.operation';
import * as getWhatsAppConversations from './getWhatsAppConversations.operation';
import * as getWhatsAppDailyUsage from './getWhatsAppDailyUsage.operation';

/** analytics: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	getChats: {
		name: 'Get Chats Report',
		description: 'Chat analytics for a period',
		action: 'Get chats report',
		module: getChats,
	},
	getChatsLive: {
		name: 'Get Live Chats Report',
		description: 'Live chat analytics',
		action: 'Get live chats report',
		module: getChatsLive,
	},
	getConversationMessages: {
		name: 'Get Conversation Messages Report',
		description: 'Conversation message analytics for a period',
		action: 'Get conversation messages report',
		module: getConversationMessages,
	},
	getMessages: {
		name: 'Get Messages Report',
		description: 'Message analytics for a period',
		action: 'Get messages report',
		module: getMessages,
	},
	getMessageMetrics: {
		name: 'Get Message Metrics Report',
		description: 'Message metrics for a period',
		action: 'Get message metrics report',
		module: getMessageMetrics,
	},
	getSessions: {
		name: 'Get Sessions Report',
		description: 'Session analytics for a period',
		action: 'Get sessions report',
		module: getSessions,
	},
	getSmsInbound: {
		name: 'Get SMS Inbound Report',
		description: 'Inbound SMS analytics for a period',
		action: 'Get SMS inbound report',
		module: getSmsInbound,
	},
	getSmsOutbound: {
		name: 'Get SMS Outbound Report',
		description: 'Outbound SMS analytics for a period',
		action: 'Get SMS outbound report',
		module: getSmsOutbound,
	},
	getSmsTracking: {
		name: 'Get SMS Tracking Report',
		description: 'URL tracking analytics for a period',
		action: 'Get SMS tracking report',
		module: getSmsTracking,
	},
	getSmsVerify: {
		name: 'Get SMS Verify Report',
		description: 'SMS verify analytics for a period',
		action: 'Get SMS verify report',
		module: getSmsVerify,
	},
	getWhatsAppConversations: {
		name: 'Get WhatsApp Conversations Report',
		description: 'WhatsApp conversation analytics for a period',
		action: 'Get WhatsApp conversations report',
		module: getWhatsAppConversations,
	},
	getWhatsAppDailyUsage: {
		name: 'Get WhatsApp Daily Usage Report',
		description: 'WhatsApp daily messaging usage for a period',
		action: 'Get WhatsApp daily usage report',
		module: getWhatsAppDailyUsage,
	},
};

export const description = resourceDescription('analytics', operations, { default: 'getChats' });
