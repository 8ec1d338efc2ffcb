import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, idField } from '../common';
import { buildStatus, channelStatusField } from './fields';

const fields: INodeProperties[] = [
	idField('messageId', 'Message ID', 'ID (a GUID) that Message → Send returned for the message'),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Delivered', value: 'delivered' },
			{ name: 'Expired', value: 'expired' },
			{ name: 'Failed', value: 'failed' },
			{ name: 'Filtered', value: 'filtered' },
			{ name: 'Read', value: 'read' },
			{ name: 'Sent', value: 'sent' },
		],
		default: 'delivered',
		description:
			'The delivery status to record for the message, e.g. from your own channel provider',
	},
	{
		displayName: 'Channel',
		name: 'channel',
		type: 'string',
		required: true,
		default: '',
		description: 'Channel the status is for, e.g. sms',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			channelStatusField,
			{
				displayName: 'Failure Reason',
				name: 'failureReason',
				type: 'string',
				default: '',
				description: 'Why the message failed, for the Failed status',
			},
			{
				displayName: 'Timestamp',
				name: 'timestamp',
				type: 'dateTime',
				default: '',
				description: 'When the status happened; sent as ISO 8601 UTC',
			},
		],
	},
];

export const { description, execute } = defineOperation({
	resource: 'message',
	operation: 'postStatus',
	method: 'POST',
	path: '/messages/{messageId}/statuses/{status}',
	fields,
	body(i: number) {
		return buildStatus.call(this, i, true);
	},
	idempotent: true,
});
