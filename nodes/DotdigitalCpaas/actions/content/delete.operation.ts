import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, idField } from '../common';

const fields: INodeProperties[] = [idField('fileId', 'File ID', 'ID of the uploaded file')];

export const { description, execute } = defineOperation({
	resource: 'content',
	operation: 'delete',
	method: 'DELETE',
	path: '/content/{fileId}',
	fields,
});
