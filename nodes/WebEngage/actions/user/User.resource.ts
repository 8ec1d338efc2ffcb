import type { INodeProperties } from 'n8n-workflow';

import * as cancelDeletion from './cancelDeletion.operation';
import * as deleteUser from './delete.operation';
import * as getDeletionStatus from './getDeletionStatus.operation';
import * as upsert from './upsert.operation';
import * as upsertMany from './upsertMany.operation';

export { cancelDeletion, deleteUser, getDeletionStatus, upsert, upsertMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['user'] } },
		options: [
			{
				name: 'Cancel Deletion',
				value: 'cancelDeletion',
				description: 'Cancel a pending GDPR erasure request',
				action: 'Cancel a user deletion request',
			},
			{
				name: 'Create or Update',
				value: 'upsert',
				description: 'Create a new record, or update the current one if it already exists (upsert)',
				action: 'Create or update a user',
			},
			{
				name: 'Create or Update Many',
				value: 'upsertMany',
				description: 'Create or update all input users through the bulk API, 25 per call',
				action: 'Create or update many users',
			},
			{
				name: 'Delete',
				value: 'delete',
				description:
					'Request erasure of a user (GDPR): WebEngage deletes the user within 30 days; returns the request ID and status',
				action: 'Delete a user',
			},
			{
				name: 'Get Deletion Status',
				value: 'getDeletionStatus',
				description: 'Get the status of a GDPR erasure request',
				action: 'Get the status of a user deletion request',
			},
		],
		default: 'upsert',
	},
	...cancelDeletion.description,
	...upsert.description,
	...upsertMany.description,
	...deleteUser.description,
	...getDeletionStatus.description,
];
