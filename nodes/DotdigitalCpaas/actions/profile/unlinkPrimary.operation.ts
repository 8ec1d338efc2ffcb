import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { defineOperation, idField } from '../common';

const fields: INodeProperties[] = [
	idField('profileId', 'Profile ID', 'ID of the profile'),
	idField('linkedId', 'Linked Profile ID', 'ID of the other profile'),
];

export const { description, execute } = defineOperation({
	resource: 'profile',
	operation: 'unlinkPrimary',
	method: 'DELETE',
	path: '/profiles/{profileId}/rels/primary/{linkedId}',
	fields,
	result(response: unknown) {
		return response && typeof response === 'object' && Object.keys(response).length
			? (response as IDataObject)
			: { unlinked: true };
	},
});
