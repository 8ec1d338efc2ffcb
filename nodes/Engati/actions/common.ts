import type { INode, INodeProperties } from 'n8n-workflow';

import { inputError, parsePhone, readText, requirePathId } from '../../shared';

/** "Bot Key" override for one call; lets a workflow address several bots of one customer. */
export const botKeyOverride: INodeProperties = {
	displayName: 'Bot Key',
	name: 'botKey',
	type: 'string',
	default: '',
	description: 'Bot to act on instead of the bot key in the credential (can differ per item)',
};

/** An "Options" collection holding only the Bot Key override. */
export const botKeyOptions: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add Option',
	default: {},
	options: [botKeyOverride],
};

/**
 * A phone number as digits with the country code (`919876543210`), the form Engati uses in paths,
 * channel user IDs and `user.phone_no`. Spaces, dashes, dots, brackets and a leading + are removed.
 */
export function phoneDigits(node: INode, value: unknown, field: string, itemIndex: number): string {
	return parsePhone(node, value, field, itemIndex);
}

/** A phone number as `+` country code and digits, as the WhatsApp template API prefers. */
export function phonePlus(node: INode, value: unknown, field: string, itemIndex: number): string {
	return `+${phoneDigits(node, value, field, itemIndex)}`;
}

/**
 * A channel user ID for a path: WhatsApp IDs are phone numbers (digits only), so a value that looks
 * like a formatted phone number is reduced to its digits; other channels' IDs are kept as they are.
 */
export function channelUserId(
	node: INode,
	value: unknown,
	field: string,
	itemIndex: number,
): string {
	const raw = readText(node, value, field, itemIndex);
	if (raw === '') {
		throw inputError(node, `"${field}" is required but empty`, {
			itemIndex,
			description: 'Map the channel user ID (for WhatsApp, the phone number with country code)',
		});
	}
	requirePathId(node, raw, field, itemIndex);
	return /^\+?[\d\s.\-()]+$/.test(raw) ? phoneDigits(node, raw, field, itemIndex) : raw;
}
