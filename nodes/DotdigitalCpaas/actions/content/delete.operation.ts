import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, idField } from '../common';

const fields: INodeProperties[] = [
	idField('fileId', 'File ID', 'ID of a file in content storage, as Content → Upload returns it'),
];

export const { description, execute } = defineOperation({
	resource: 'content',
	operation: 'delete',
	method: 'DELETE',
	path: '/content/{fileId}',
	fields,
});
