import type { INodeProperties } from 'n8n-workflow';

import { CHANNEL_OPTIONS, defineOperation, profileLocator } from '../common';

const fields: INodeProperties[] = [
	profileLocator(),
	{
		displayName: 'Channels',
		name: 'channels',
		type: 'multiOptions',
		options: CHANNEL_OPTIONS,
		required: true,
		default: ['sms'],
		description: 'Channels the profile opts in to',
	},
];

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
