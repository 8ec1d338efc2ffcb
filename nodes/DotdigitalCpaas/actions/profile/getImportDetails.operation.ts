import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, idField } from '../common';

const fields: INodeProperties[] = [
	idField('importId', 'Import ID', 'ID of a profile import job, as Create Import returns it'),
];

export const { description, execute } = defineOperation({
	resource: 'profile',
	operation: 'getImportDetails',
	method: 'GET',
	path: '/profiles/imports/{importId}/details',
	fields,
});
