import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { OperationModule } from '../../../shared';
import { CHANNEL_OPTIONS, defineOperation, idField, profileLocator } from '../common';

/**
 * Link Child, Link to Primary and their unlinks: one call on a profile and the other profile.
 * `relation` is the path segment: `link` (the other profile is a child) or `primary` (it is the primary).
 */
export function relationOperation(
	operation: string,
	method: 'PUT' | 'DELETE',
	relation: 'link' | 'primary',
): OperationModule {
	return defineOperation({
		resource: 'profile',
		operation,
		method,
		path: `/profiles/{profileId}/rels/${relation}/{linkedId}`,
		fields: [
			profileLocator(),
			idField(
				'linkedId',
				'Linked Profile ID',
				'ID of the profile on the other side of the link (primary or child)',
			),
		],
		...(method === 'DELETE'
			? {
					result(response: unknown) {
						return response && typeof response === 'object' && Object.keys(response).length
							? (response as IDataObject)
							: { unlinked: true };
					},
				}
			: {}),
	});
}

/** The profile and channels of Set Opt-In and Clear Opt-In. */
export function optInFields(channelsDescription: string): INodeProperties[] {
	return [
		profileLocator(),
		{
			displayName: 'Channels',
			name: 'channels',
			type: 'multiOptions',
			options: CHANNEL_OPTIONS,
			required: true,
			default: ['sms'],
			description: channelsDescription,
		},
	];
}
