import { defineOperation } from '../common';
import { optInFields } from './fields';

const fields = optInFields('Channels the profile opts in to');

export const { description, execute } = defineOperation({
	resource: 'profile',
	operation: 'setOptIn',
	method: 'PUT',
	path: '/profiles/{profileId}/optin',
	fields,
	body(i: number) {
		return { channels: this.getNodeParameter('channels', i) as string[] };
	},
});
