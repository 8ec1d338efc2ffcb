import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, includeDeletedOptions, PROFILE_OUTPUT, profileLocator } from '../common';

const fields: INodeProperties[] = [
	profileLocator(),
	includeDeletedOptions('Whether to return the profile even if it was deleted'),
];

export const { description, execute } = defineOperation({
	resource: 'profile',
	operation: 'get',
	method: 'GET',
	path: '/profiles/{profileId}',
	fields,
	output: PROFILE_OUTPUT,
});
