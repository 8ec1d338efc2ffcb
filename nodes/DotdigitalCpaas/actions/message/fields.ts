import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	checkJsonSize,
	inputError,
	nodeParameter,
	parameterReader,
	parseJsonObject,
	parsePhone,
	readEmail,
	readText,
	requireValue,
	toIsoDate,
} from '../../../shared';
import { DOTDIGITAL_BATCH_MAX_BYTES } from '../../transport';
import { CHANNEL_OPTIONS, requiredString } from '../common';

/** Fields of a One API send request, shared by Send and Send Many. */
export const messageProperties: INodeProperties[] = [
	{
		displayName: 'Send To',
		name: 'toType',
		type: 'options',
		options: [
			{ name: 'Email', value: 'email' },
			{ name: 'Phone Number', value: 'phoneNumber' },
			{ name: 'Profile ID', value: 'profileId' },
		],
		default: 'phoneNumber',
		description:
			'How the recipient is addressed; a profile ID lets dotdigital look up the phone number or other addresses',
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +447123123123',
		displayOptions: { show: { toType: ['phoneNumber'] } },
		description:
			'Recipient number in international form with country code, e.g. +447123123123; spaces and dashes are removed',
	},
	{
		displayName: 'Email',
		name: 'email',
		type: 'string',
		placeholder: 'e.g. name@email.com',
		required: true,
		default: '',
		displayOptions: { show: { toType: ['email'] } },
		description: "The recipient's email address (for channels that use one)",
	},
	{
		displayName: 'Profile ID',
		name: 'profileId',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. jane.doe',
		displayOptions: { show: { toType: ['profileId'] } },
		description:
			'ID of a dotdigital profile; dotdigital takes the phone number and other addresses from it',
	},
	{
		displayName: 'Channels (in Fallback Order)',
		name: 'rules',
		type: 'multiOptions',
		options: CHANNEL_OPTIONS,
		required: true,
		default: ['sms'],
		description:
			'Channels to try, in the order chosen: the next one is used when the message cannot go through the previous one',
	},
	{
		displayName: 'Body',
		name: 'body',
		type: 'string',
		typeOptions: { rows: 3 },
		default: '',
		description: 'Text for every channel; may use {{profile.fieldName}} merge fields',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Channel Options (JSON)',
				name: 'channelOptions',
				type: 'json',
				default: '{\n  "sms": { "from": "Sender", "allowUnicode": true }\n}',
				description:
					'Options per channel, keyed by channel (sms, whatsApp, nativePush, …); not with a custom body for the same channel',
			},
			{
				displayName: 'Conversation ID',
				name: 'conversationId',
				type: 'string',
				default: '',
				description:
					'ID of the conversation the message belongs to, which links it with other messages (needed for app messaging)',
			},
			{
				displayName: 'Custom Body (JSON)',
				name: 'customBody',
				type: 'json',
				default: '{\n  "sms": { "body": "Hello" }\n}',
				description:
					'Native payload per channel, keyed by channel, copied onto the channel message verbatim',
			},
			{
				displayName: 'Expires On',
				name: 'expiresOn',
				type: 'dateTime',
				default: '',
				description: 'When to stop trying to deliver the message; sent as ISO 8601 UTC',
			},
			{
				displayName: 'Metadata (JSON)',
				name: 'metadata',
				type: 'json',
				default: '{}',
				description: 'Free-form data echoed back on webhook events, e.g. your own reference',
			},
			{
				displayName: 'Require Opt-In',
				name: 'requireOptIn',
				type: 'boolean',
				default: false,
				description:
					'Whether to refuse the send when the profile has not opted in to any of the channels',
			},
			{
				displayName: 'Template Name or ID',
				name: 'templateId',
				type: 'options',
				typeOptions: { loadOptionsMethod: 'getTemplates' },
				default: '',
				description:
					'Template that generates the message parts. Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>.',
			},
			{
				displayName: 'Title',
				name: 'title',
				type: 'string',
				default: '',
				description: 'Title, on channels that show one (push)',
			},
		],
	},
];

const CHANNELS = new Set(CHANNEL_OPTIONS.map((c) => c.value as string));

/**
 * Phone numbers as the vendor writes them: international digits without `+` (e.g. 447123123123).
 * Spaces, dots, dashes and brackets are dropped; anything else is refused.
 */
export function toVendorPhone(this: IExecuteFunctions, value: unknown, itemIndex: number): string {
	return parsePhone(parameterReader(this).node, value, 'Phone Number', itemIndex, {
		doubleZero: true,
		problem: 'is not an international phone number',
		hint: 'Use the country code and number, e.g. +447123123123',
	});
}

/** One item's send request (`MessageBase`), checked before anything is sent. */
export function buildMessage(this: IExecuteFunctions, itemIndex: number): IDataObject {
	const node = parameterReader(this).node;
	const toType = nodeParameter(this, 'toType', itemIndex) as string;
	const to: IDataObject = {};
	if (toType === 'phoneNumber')
		to.phoneNumber = toVendorPhone.call(
			this,
			nodeParameter(this, 'phoneNumber', itemIndex),
			itemIndex,
		);
	else if (toType === 'email') {
		to.email = readEmail(node, nodeParameter(this, 'email', itemIndex), 'Email', itemIndex);
	} else
		to.profileId = requireValue(
			node,
			nodeParameter(this, 'profileId', itemIndex),
			'Profile ID',
			itemIndex,
		);

	const rules = nodeParameter(this, 'rules', itemIndex, []) as string[];
	if (!Array.isArray(rules) || rules.length === 0) {
		throw inputError(node, '"Channels (in Fallback Order)" needs at least one channel', {
			itemIndex,
		});
	}
	const unknown = rules.filter((r) => !CHANNELS.has(r));
	if (unknown.length)
		throw inputError(
			node,
			`"Channels (in Fallback Order)" has unknown channels: ${unknown.join(', ')}`,
			{ itemIndex },
		);

	// A copy: a fixed parameter is one array shared by every item, and each message keeps its own.
	const message: IDataObject = { to, rules: rules.slice() };
	const body = readText(node, nodeParameter(this, 'body', itemIndex, ''), 'Body', itemIndex, {
		multiline: true,
	});
	if (body.trim() !== '') message.body = body;

	const extra = nodeParameter(this, 'additionalFields', itemIndex, {}) as IDataObject;
	const title = readText(node, extra.title, 'Title', itemIndex);
	if (title) message.title = title;
	const templateId = readText(node, extra.templateId, 'Template Name or ID', itemIndex);
	if (templateId) message.templateId = templateId;
	const conversationId = readText(node, extra.conversationId, 'Conversation ID', itemIndex);
	if (conversationId) message.conversationId = conversationId;
	if (extra.requireOptIn !== undefined) message.requireOptIn = extra.requireOptIn;
	if (extra.expiresOn)
		message.expiresOn = toIsoDate(node, extra.expiresOn, 'Expires On', itemIndex);
	if (extra.metadata !== undefined) {
		const metadata = parseJsonObject(node, extra.metadata, 'Metadata (JSON)', itemIndex);
		if (Object.keys(metadata).length) message.metadata = metadata;
	}
	if (extra.customBody !== undefined)
		message.customBody = parseJsonObject(node, extra.customBody, 'Custom Body (JSON)', itemIndex);
	if (extra.channelOptions !== undefined) {
		message.channelOptions = parseJsonObject(
			node,
			extra.channelOptions,
			'Channel Options (JSON)',
			itemIndex,
		);
	}
	// The vendor rejects a customBody and channelOptions for the same channel: say which, per item.
	const both = Object.keys((message.customBody as IDataObject) ?? {}).filter((c) =>
		Object.prototype.hasOwnProperty.call((message.channelOptions as IDataObject) ?? {}, c),
	);
	if (both.length) {
		throw inputError(
			node,
			`"Custom Body (JSON)" and "Channel Options (JSON)" both set channel ${both.join(', ')}`,
			{
				itemIndex,
				description: 'Use either a custom body or channel options for a channel, not both',
			},
		);
	}
	// A message alone must fit in one call: the batch API takes at most 10 MB of JSON per call.
	checkJsonSize(
		node,
		[message],
		'Body',
		itemIndex,
		DOTDIGITAL_BATCH_MAX_BYTES,
		'dotdigital accepts at most 10 MB per call',
	);
	if (!message.body && !message.templateId && !message.customBody) {
		throw inputError(node, '"Body" is required unless a template or a custom body is given', {
			itemIndex,
		});
	}
	return message;
}

/** A status's channel details, shared by Post Status and Post Inbound Status. */
export const channelStatusField: INodeProperties = {
	displayName: 'Channel Status (JSON)',
	name: 'channelStatus',
	type: 'json',
	default: '{}',
	description: "The channel's own status details as a JSON object, stored with the status",
};

/** Body of Post Status (outbound, needs a channel) and Post Inbound Status (needs a timestamp). */
export function buildStatus(
	this: IExecuteFunctions,
	itemIndex: number,
	outbound: boolean,
): IDataObject {
	const node = this.getNode();
	const extra = this.getNodeParameter('additionalFields', itemIndex, {}) as IDataObject;
	const body: IDataObject = {};
	if (outbound) {
		body.channel = requiredString.call(this, 'channel', 'Channel', itemIndex);
		if (extra.timestamp) body.timestamp = toIsoDate(node, extra.timestamp, 'Timestamp', itemIndex);
		if (extra.failureReason) body.failureReason = String(extra.failureReason);
	} else {
		body.timestamp = toIsoDate(
			node,
			this.getNodeParameter('timestamp', itemIndex, '') || undefined,
			'Timestamp',
			itemIndex,
		);
	}
	if (extra.channelStatus !== undefined) {
		const channelStatus = parseJsonObject(
			node,
			extra.channelStatus,
			'Channel Status (JSON)',
			itemIndex,
		);
		if (Object.keys(channelStatus).length) body.channelStatus = channelStatus;
	}
	return body;
}
