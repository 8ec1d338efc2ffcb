import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, idField } from '../common';

const fields: INodeProperties[] = [
	idField(
		'sessionId',
		'Session ID',
		'ID of an app messaging session, e.g. from a profile read with Include Sessions',
	),
];

export const { description, execute } = defineOperation({
	resource: 'session',
	operation: 'delete',
	method: 'DELETE',
	path: '/sessions/{sessionId}',
	fields,
});
