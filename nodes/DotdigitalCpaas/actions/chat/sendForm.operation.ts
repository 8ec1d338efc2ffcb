import type { INodeProperties } from 'n8n-workflow';

import { chatLocator, defineOperation, jsonField, jsonObject } from '../common';

const fields: INodeProperties[] = [
	chatLocator(),
	jsonField(
		'form',
		'Form (JSON)',
		'The form as a JSON object: formTemplateId is the ID of the form template it is based on',
		'{\n  "formTemplateId": "feedback"\n}',
		true,
	),
];

export const { description, execute } = defineOperation({
	resource: 'chat',
	operation: 'sendForm',
	method: 'POST',
	path: '/chats/{chatId}/form',
	fields,
	body(i: number) {
		return jsonObject.call(this, 'form', 'Form (JSON)', i);
	},
});
