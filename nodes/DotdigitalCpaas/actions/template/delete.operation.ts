import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, templateLocator } from '../common';

const fields: INodeProperties[] = [templateLocator()];

export const { description, execute } = defineOperation({
	resource: 'template',
	operation: 'delete',
	method: 'DELETE',
	path: '/templates/{templateId}',
	fields,
});
