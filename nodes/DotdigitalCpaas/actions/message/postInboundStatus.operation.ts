import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, idField } from '../common';
import { buildStatus } from './fields';

const fields: INodeProperties[] = [
	idField('inboundMessageId', 'Inbound Message ID', 'ID of the inbound message'),
	{
		displayName: 'Status',
		name: 'status',
		type: 'options',
		options: [
			{ name: 'Delivered', value: 'delivered' },
			{ name: 'Read', value: 'read' },
		],
		default: 'delivered',
	},
	{
		displayName: 'Timestamp',
		name: 'timestamp',
		type: 'dateTime',
		required: true,
		default: '',
		description: 'When the status happened',
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		options: [
			{ displayName: 'Channel Status (JSON)', name: 'channelStatus', type: 'json', default: '{}' },
		],
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
