import type { INodeProperties } from 'n8n-workflow';

import { chatLocator, defineOperation } from '../common';

const fields: INodeProperties[] = [
	chatLocator(),
	{
		displayName: 'Skip Close Message',
		name: 'bypassMessage',
		type: 'boolean',
		default: false,
		description: 'Whether to close without sending the close message of the team configuration',
	},
];

export const { description, execute } = defineOperation({
	resource: 'chat',
	operation: 'close',
	method: 'PUT',
	path: '/chats/{chatId}/close',
	fields,
	body(i: number) {
		return { bypassMessage: this.getNodeParameter('bypassMessage', i) as boolean };
	},
});
