import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
import * as cancelDeletion from './cancelDeletion.operation';
import * as deleteUser from './delete.operation';
import * as getDeletionStatus from './getDeletionStatus.operation';
import * as upsert from './upsert.operation';
import * as upsertMany from './upsertMany.operation';

/** user: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	cancelDeletion: {
		name: 'Cancel Deletion',
		description: 'Cancel a pending GDPR erasure request',
		action: 'Cancel a user deletion request',
		module: cancelDeletion,
	},
	upsert: {
		name: 'Create or Update',
		description: 'Create a new record, or update the current one if it already exists (upsert)',
		action: 'Create or update a user',
		module: upsert,
	},
	upsertMany: {
		name: 'Create or Update Many',
		description: 'Create or update all input users through the bulk API, 25 per call',
		action: 'Create or update many users',
		module: upsertMany,
	},
	delete: {
		name: 'Delete',
		description:
			'Request erasure of a user (GDPR): WebEngage deletes the user within 30 days; returns the request ID and status',
		action: 'Delete a user',
		module: deleteUser,
	},
	getDeletionStatus: {
		name: 'Get Deletion Status',
		description: 'Get the status of a GDPR erasure request',
		action: 'Get the status of a user deletion request',
		module: getDeletionStatus,
	},
};

export const description = resourceDescription('user', operations, { default: 'upsert' });
