import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, idField, requiredString } from '../common';

const fields: INodeProperties[] = [
	idField('id', 'Authentication ID', 'Authentication ID from the session start'),
	idField('nonce', 'Nonce', 'Nonce from the session start'),
];

export const { description, execute } = defineOperation({
	resource: 'session',
	operation: 'getAnonymousToken',
	method: 'GET',
	path: '/sessions/tokens/anon',
	fields,
	query(i: number) {
		return {
			id: requiredString.call(this, 'id', 'Authentication ID', i),
			nonce: requiredString.call(this, 'nonce', 'Nonce', i),
		};
	},
});
