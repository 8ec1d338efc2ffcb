import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule, SimpleOperation } from '../../shared';
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
export const templateLocator = (description = 'The template'): INodeProperties =>
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
		description: 'The webhook configuration',
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
		description: 'The conversation',
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
