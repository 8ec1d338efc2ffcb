import type { INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared';
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

export const operations: Record<string, OperationModule> = {
	getChats: getChats,
	getChatsLive: getChatsLive,
	getConversationMessages: getConversationMessages,
	getMessages: getMessages,
	getMessageMetrics: getMessageMetrics,
	getSessions: getSessions,
	getSmsInbound: getSmsInbound,
	getSmsOutbound: getSmsOutbound,
	getSmsTracking: getSmsTracking,
	getSmsVerify: getSmsVerify,
	getWhatsAppConversations: getWhatsAppConversations,
	getWhatsAppDailyUsage: getWhatsAppDailyUsage,
};

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['analytics'] } },
		options: [
			{
				name: 'Get Chats Report',
				value: 'getChats',
				description: 'Chat analytics for a period',
				action: 'Get chats report',
			},
			{
				name: 'Get Conversation Messages Report',
				value: 'getConversationMessages',
				description: 'Conversation message analytics for a period',
				action: 'Get conversation messages report',
			},
			{
				name: 'Get Live Chats Report',
				value: 'getChatsLive',
				description: 'Live chat analytics',
				action: 'Get live chats report',
			},
			{
				name: 'Get Message Metrics Report',
				value: 'getMessageMetrics',
				description: 'Message metrics for a period',
				action: 'Get message metrics report',
			},
			{
				name: 'Get Messages Report',
				value: 'getMessages',
				description: 'Message analytics for a period',
				action: 'Get messages report',
			},
			{
				name: 'Get Sessions Report',
				value: 'getSessions',
				description: 'Session analytics for a period',
				action: 'Get sessions report',
			},
			{
				name: 'Get SMS Inbound Report',
				value: 'getSmsInbound',
				description: 'Inbound SMS analytics for a period',
				action: 'Get SMS inbound report',
			},
			{
				name: 'Get SMS Outbound Report',
				value: 'getSmsOutbound',
				description: 'Outbound SMS analytics for a period',
				action: 'Get SMS outbound report',
			},
			{
				name: 'Get SMS Tracking Report',
				value: 'getSmsTracking',
				description: 'URL tracking analytics for a period',
				action: 'Get SMS tracking report',
			},
			{
				name: 'Get SMS Verify Report',
				value: 'getSmsVerify',
				description: 'SMS verify analytics for a period',
				action: 'Get SMS verify report',
			},
			{
				name: 'Get WhatsApp Conversations Report',
				value: 'getWhatsAppConversations',
				description: 'WhatsApp conversation analytics for a period',
				action: 'Get whats app conversations report',
			},
			{
				name: 'Get WhatsApp Daily Usage Report',
				value: 'getWhatsAppDailyUsage',
				description: 'WhatsApp daily messaging usage for a period',
				action: 'Get whats app daily usage report',
			},
		],
		default: 'getChats',
	},
	...getChats.description,
	...getChatsLive.description,
	...getConversationMessages.description,
	...getMessages.description,
	...getMessageMetrics.description,
	...getSessions.description,
	...getSmsInbound.description,
	...getSmsOutbound.description,
	...getSmsTracking.description,
	...getSmsVerify.description,
	...getWhatsAppConversations.description,
	...getWhatsAppDailyUsage.description,
];
