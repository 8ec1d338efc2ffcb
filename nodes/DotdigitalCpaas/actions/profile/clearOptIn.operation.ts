import type { IDataObject } from 'n8n-workflow';

import { defineOperation } from '../common';
import { optInFields } from './fields';

const fields = optInFields('Channels the profile opts out of');

export const { description, execute } = defineOperation({
	resource: 'profile',
	operation: 'clearOptIn',
	method: 'DELETE',
	path: '/profiles/{profileId}/optin',
	fields,
	query(i: number) {
		return { channel: this.getNodeParameter('channels', i) as string[] };
	},
	result(response: unknown) {
		return response as IDataObject;
	},
});
