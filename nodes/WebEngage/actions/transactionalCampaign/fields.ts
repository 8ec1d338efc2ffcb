import { createHash } from 'crypto';
import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError, requireValue, toE164 } from '../../../shared';
import { keyValueOrJsonProperties, readKeyValueOrJson } from '../common';

/** Fields both trigger operations share: recipient, delivery window, transaction ID and overrides. */
export const deliveryProperties: INodeProperties[] = [
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. johndoe',
		description:
			'ID (CUID, at most 100 characters) of the user who gets the message; the user must exist in WebEngage',
	},
	...keyValueOrJsonProperties({
		name: 'tokens',
		displayName: 'Context Tokens',
		description: "Values for the campaign's {{token.name}} personalization tokens",
		jsonExample: '{\n  "name": "Peter",\n  "orderId": "ABCD1234"\n}',
		entry: {
			keyDescription: 'Token name as the campaign uses it: "orderId" fills {{token.orderId}}',
			valueDescription: 'Text the token is replaced with in the message',
			keyPlaceholder: 'e.g. orderId',
		},
	}),
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{
				displayName: 'Override Email',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. name@email.com',
				default: '',
				description:
					"Send to this address instead of the user's (required for email campaigns when the user has none)",
			},
			{
				displayName: 'Override Phone',
				name: 'phone',
				type: 'string',
				default: '',
				placeholder: 'e.g. +14155550123',
				description:
					"Send to this number instead of the user's, in E.164 format (SMS and WhatsApp)",
			},
			{
				displayName: 'Time to Live (Seconds)',
				name: 'ttl',
				type: 'number',
				typeOptions: { minValue: 1 },
				default: 120,
				description:
					'How long WebEngage keeps trying to deliver the message (WebEngage default: 120)',
			},
			{
				displayName: 'Transaction ID',
				name: 'txnId',
				type: 'string',
				default: '',
				description:
					'Your ID for this transaction; WebEngage ignores a repeat. When empty, one is derived from the execution, node and item, so a retried request cannot send twice.',
			},
		],
	},
];

/** The ID that makes a retried trigger a no-op: the same for every attempt of one item in one run. */
function stableTxnId(this: IExecuteFunctions, i: number, ...parts: string[]): string {
	const node = this.getNode();
	const hex = createHash('sha256')
		.update([this.getExecutionId() ?? '', node.id ?? node.name, String(i), ...parts].join('\u0000'))
		.digest('hex');
	return `n8n-${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** The body fields both trigger operations send, checked: user, ttl, txnId and overrideData. */
export function buildDelivery(
	this: IExecuteFunctions,
	i: number,
	...txnParts: string[]
): IDataObject {
	const node = this.getNode();
	const userId = requireValue(node, this.getNodeParameter('userId', i), 'User ID', i);
	if (userId.length > 100)
		throw inputError(node, '"User ID" is longer than 100 characters', { itemIndex: i });
	const extra = this.getNodeParameter('additionalFields', i, {}) as IDataObject;
	const body: IDataObject = { userId };
	if (extra.ttl !== undefined && extra.ttl !== '') {
		const ttl = Number(extra.ttl);
		if (!Number.isInteger(ttl) || ttl < 1) {
			throw inputError(
				node,
				`"Time to Live (Seconds)" must be a whole number of seconds above 0, not "${String(extra.ttl)}"`,
				{ itemIndex: i },
			);
		}
		body.ttl = ttl;
	}
	body.txnId = String(extra.txnId ?? '').trim() || stableTxnId.call(this, i, userId, ...txnParts);
	const overrideData: IDataObject = {};
	if (extra.email) overrideData.email = String(extra.email).trim();
	if (extra.phone) overrideData.phone = toE164(node, extra.phone, 'Override Phone', i);
	const token = readKeyValueOrJson.call(this, 'tokens', 'Context Tokens', i);
	if (Object.keys(token).length > 0) overrideData.context = { token };
	if (Object.keys(overrideData).length > 0) body.overrideData = overrideData;
	return body;
}
