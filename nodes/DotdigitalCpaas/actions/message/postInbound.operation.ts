import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, jsonField, jsonObject } from '../common';

const fields: INodeProperties[] = [
	jsonField(
		'inbound',
		'Inbound Message (JSON)',
		'Inbound message: from, to, body, channel, …',
		'{\n  "from": { "phoneNumber": "447123123123" },\n  "to": { "phoneNumber": "447000000000" },\n  "body": "Hi",\n  "channel": "sms"\n}',
		true,
	),
];

export const { description, execute } = defineOperation({
	resource: 'message',
	operation: 'postInbound',
	method: 'POST',
	path: '/messages/inbounds',
	fields,
	body(i: number) {
		return jsonObject.call(this, 'inbound', 'Inbound Message (JSON)', i);
	},
});
