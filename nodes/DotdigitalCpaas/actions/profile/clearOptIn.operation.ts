import type { IDataObject, INodeProperties } from 'n8n-workflow';

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
		description: 'Channels the profile opts out of',
	},
];

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
