import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, idField } from '../common';
import { buildStatus } from './fields';

const fields: INodeProperties[] = [
	idField('messageId', 'Message ID', 'ID returned when the message was sent'),
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
			{ displayName: 'Channel Status (JSON)', name: 'channelStatus', type: 'json', default: '{}' },
			{ displayName: 'Failure Reason', name: 'failureReason', type: 'string', default: '' },
			{ displayName: 'Timestamp', name: 'timestamp', type: 'dateTime', default: '' },
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
