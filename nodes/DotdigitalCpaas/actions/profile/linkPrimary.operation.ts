import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, idField, profileLocator } from '../common';

const fields: INodeProperties[] = [
	profileLocator(),
	idField('linkedId', 'Linked Profile ID', 'ID of the other profile'),
];

export const { description, execute } = defineOperation({
	resource: 'profile',
	operation: 'linkPrimary',
	method: 'PUT',
	path: '/profiles/{profileId}/rels/primary/{linkedId}',
	fields,
});
