import type { IDataObject, INodeProperties } from 'n8n-workflow';

import { defineOperation, idField, profileLocator } from '../common';

const fields: INodeProperties[] = [
	profileLocator(),
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
