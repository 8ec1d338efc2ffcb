import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, idField, requiredString, splitList } from '../common';

const fields: INodeProperties[] = [
	idField('profileIds', 'Profile IDs', 'Comma-separated user profile IDs'),
];

export const { description, execute } = defineOperation({
	resource: 'chatPresence',
	operation: 'getAppMessaging',
	method: 'GET',
	path: '/presence/appmessaging',
	fields,
	query(i: number) {
		return { id: splitList(requiredString.call(this, 'profileIds', 'Profile IDs', i)).join(',') };
	},
});
