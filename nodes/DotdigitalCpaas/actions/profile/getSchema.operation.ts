import type { INodeProperties } from 'n8n-workflow';

import { defineOperation } from '../common';

const fields: INodeProperties[] = [];

/** `GET /profiles?$schemaOnly=true`: "Returns the schema of a sample of profiles" (profile-api.json). */
export const { description, execute } = defineOperation({
	resource: 'profile',
	operation: 'getSchema',
	method: 'GET',
	path: '/profiles',
	fields,
	query: () => ({ $schemaOnly: true }),
});
