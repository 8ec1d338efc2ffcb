import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
import * as deleteOp from './delete.operation';
import * as get from './get.operation';
import * as upload from './upload.operation';

/** content: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	upload: {
		name: 'Upload',
		description: 'Upload a file from a binary property',
		action: 'Upload content',
		module: upload,
	},
	get: {
		name: 'Get',
		description: 'Download a file to a binary property',
		action: 'Get content',
		module: get,
	},
	delete: {
		name: 'Delete',
		description: 'Delete a file',
		action: 'Delete content',
		module: deleteOp,
	},
};

export const description = resourceDescription('content', operations, { default: 'get' });
