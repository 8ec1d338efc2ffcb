import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, idField } from '../common';
import { buildStatus, channelStatusField } from './fields';

const fields: INodeProperties[] = [
	idField(
		'inboundMessageId',
		'Inbound Message ID',
		"ID of a message received from a user, e.g. from the trigger's inbound message event",
	),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Delivered', value: 'delivered' },
			{ name: 'Read', value: 'read' },
		],
		default: 'delivered',
		description: 'The status to record for the received message: delivered to you, or read',
	},
	{
		displayName: 'Timestamp',
		name: 'timestamp',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'When the status happened; sent as ISO 8601 UTC',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [channelStatusField],
	},
];

export const { description, execute } = defineOperation({
	resource: 'message',
	operation: 'postInboundStatus',
	method: 'POST',
	path: '/messages/inbounds/{inboundMessageId}/statuses/{status}',
	fields,
	body(i: number) {
		return buildStatus.call(this, i, false);
	},
	idempotent: true,
});
