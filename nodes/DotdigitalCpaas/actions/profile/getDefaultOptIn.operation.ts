import type { INodeProperties } from 'n8n-workflow';

import { defineOperation } from '../common';

const fields: INodeProperties[] = [];

export const { description, execute } = defineOperation({
	resource: 'profile',
	operation: 'getDefaultOptIn',
	method: 'GET',
	path: '/profiles/optin',
	fields,
});
