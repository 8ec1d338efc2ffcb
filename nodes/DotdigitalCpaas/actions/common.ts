import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule, OutputShape, SimpleOperation } from '../../shared';
import {
	defineRequestOperation,
	parseJsonArray,
	parseJsonObject,
	requireValue,
	resourceLocator,
} from '../../shared';
import { dotdigitalRequest } from '../transport';

/**
 * Field helpers of the dotdigital operations, and `defineOperation`: the shared operation engine
 * (`defineRequestOperation`) bound to dotdigital's transport.
 */

/** A required text parameter, trimmed, with an error naming the field when empty. */
export function requiredString(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): string {
	return requireValue(this.getNode(), this.getNodeParameter(name, itemIndex, ''), label, itemIndex);
}

export function jsonObject(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): IDataObject {
	return parseJsonObject(
		this.getNode(),
		this.getNodeParameter(name, itemIndex, '{}'),
		label,
		itemIndex,
	);
}

export function jsonArray(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): unknown[] {
	return parseJsonArray(
		this.getNode(),
		this.getNodeParameter(name, itemIndex, '[]'),
		label,
		itemIndex,
	);
}

/** A comma-separated text field as a list of trimmed, non-empty values. */
export function splitList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
	return String(value ?? '')
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
}

/** Description and execute for a table-row operation sent to dotdigital (the shared engine). */
export function defineOperation(spec: SimpleOperation): OperationModule {
	return defineRequestOperation(dotdigitalRequest, spec);
}

/** A required text field. */
export function idField(name: string, displayName: string, description: string): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: '', description };
}

/** The IDs users pick: resource locators with "From list" (the node's `methods.listSearch`) and "By ID". */
export const templateLocator = (
	description = 'A message template of the API space: pick it from the list, or give its ID (letters, digits, - and _)',
): INodeProperties =>
	resourceLocator({
		name: 'templateId',
		displayName: 'Template ID',
		description,
		searchListMethod: 'searchTemplates',
		placeholder: 'e.g. order-confirmation',
		idPattern: {
			regex: '^[A-Za-z0-9_-]+$',
			message: 'A template ID holds only letters, digits, hyphens and underscores',
		},
	});

export const webhookLocator = (): INodeProperties =>
	resourceLocator({
		name: 'webhookId',
		displayName: 'Webhook ID',
		description:
			'A webhook configuration of the API space (where dotdigital sends events): pick it from the list, or give its ID',
		searchListMethod: 'searchWebhooks',
		placeholder: 'e.g. 5f0c1e2d3c4b5a69788796a5b4c3d2e1',
	});

export const chatLocator = (): INodeProperties =>
	resourceLocator({
		name: 'chatId',
		displayName: 'Chat ID',
		description: 'The chat (the list shows open chats of the API space)',
		searchListMethod: 'searchChats',
		placeholder: 'e.g. 3d2c1b0a-9f8e-4d7c-8b6a-5f4e3d2c1b0a',
	});

export const conversationLocator = (): INodeProperties =>
	resourceLocator({
		name: 'conversationId',
		displayName: 'Conversation ID',
		description:
			'A conversation of the API space: pick it from the list, or give its ID (the ID chosen when it was created)',
		searchListMethod: 'searchConversations',
		placeholder: 'e.g. support-4711',
	});

export const profileLocator = (): INodeProperties =>
	resourceLocator({
		name: 'profileId',
		displayName: 'Profile ID',
		description:
			'The profile; search the list by the start of an email address, a phone number or a profile ID',
		searchListMethod: 'searchProfiles',
		placeholder: 'e.g. jane.doe',
	});

/** An "Options" collection holding only Include Deleted (sent as the `includeDeleted` query). */
export function includeDeletedOptions(description: string): INodeProperties {
	return {
		displayName: 'Options',
		name: 'options',
		type: 'collection',
		placeholder: 'Add Option',
		default: {},
		options: [
			{
				displayName: 'Include Deleted',
				name: 'includeDeleted',
				type: 'boolean',
				default: false,
				description,
			},
		],
	};
}

/** A JSON body field. */
export function jsonField(
	name: string,
	displayName: string,
	description: string,
	example: string,
	required = false,
): INodeProperties {
	return { displayName, name, type: 'json', required, default: example, description };
}

/** Channels a message can go through, for `rules`, `customBody` and `channelOptions`. */
export const CHANNEL_OPTIONS = [
	{ name: 'App Messaging', value: 'appMessaging' },
	{ name: 'Email', value: 'email' },
	{ name: 'Facebook Messenger', value: 'fbMessenger' },
	{ name: 'MMS', value: 'mms' },
	{ name: 'Native Push', value: 'nativePush' },
	{ name: 'RCS', value: 'rcs' },
	{ name: 'SMS', value: 'sms' },
	{ name: 'WhatsApp', value: 'whatsApp' },
];

/** Outputs of the large reads (records of more than ten fields): what the simplified record keeps. */
const CREATED_UPDATED = {
	_createdOn: 'when it was created, ISO 8601 UTC',
	_updatedOn: 'when it was last changed, ISO 8601 UTC',
};

export const PROFILE_OUTPUT: OutputShape = {
	kind: 'output',
	record: 'profile',
	fields: {
		id: "the profile's ID, used to address it",
		email: 'email address',
		phoneNumber: 'mobile number, international digits without +',
		firstName: 'first name',
		lastName: 'last name',
		...CREATED_UPDATED,
	},
};

export const CHAT_OUTPUT: OutputShape = {
	kind: 'output',
	record: 'chat',
	fields: {
		id: "the chat's ID",
		name: 'its name',
		status: 'new, replied or closed',
		channelId: 'the channel the chat came in on',
		teamId: 'the team that owns it',
		participants: 'the profiles and agents in it',
		...CREATED_UPDATED,
	},
};

export const CONVERSATION_OUTPUT: OutputShape = {
	kind: 'output',
	record: 'conversation',
	fields: {
		id: "the conversation's ID",
		name: 'its name',
		description: 'its description',
		isPublic: 'whether anyone may see it',
		participantCount: 'how many participants it has',
		latestSentEventId: 'event ID of the last message, for reading messages from there',
		...CREATED_UPDATED,
	},
};

export const TEMPLATE_OUTPUT: OutputShape = {
	kind: 'simplify',
	record: 'template',
	fields: {
		id: "the template's ID, used when sending",
		name: 'its name',
		description: 'its description',
		messageParts: 'its parts: MIME type and text or URL each',
		...CREATED_UPDATED,
	},
};

export const WEBHOOK_OUTPUT: OutputShape = {
	kind: 'simplify',
	record: 'webhook',
	fields: {
		id: "the webhook's ID",
		name: 'its name',
		url: 'where events are sent',
		subscriptions: 'the event types it receives',
		batch: 'whether events are sent in batches',
		...CREATED_UPDATED,
	},
};
