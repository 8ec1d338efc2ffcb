import type { INodeProperties } from 'n8n-workflow';

import { defineOperation, optionsQuery } from '../common';
import { dateParam } from './helpers';

const fields: INodeProperties[] = [
	{ displayName: 'From', name: 'from', type: 'dateTime', required: true, default: '', description: 'Start of the period (UTC)' },
	{ displayName: 'To', name: 'to', type: 'dateTime', required: true, default: '', description: 'End of the period (UTC)' },
	{ displayName: 'Options', name: 'options', type: 'collection', placeholder: 'Add Option', default: {}, options: [{ displayName: 'Group By', name: 'by', type: 'options', options: [{ name: 'All Time', value: 'alltime' }, { name: 'Day', value: 'day' }, { name: 'Hour', value: 'hour' }, { name: 'Month', value: 'month' }, { name: 'Recipient Country Code', value: 'recipientCountryCode' }, { name: 'System', value: 'system' }, { name: 'Year', value: 'year' }], default: 'day', description: 'How results are grouped' }, { displayName: 'System', name: 'system', type: 'options', options: [{ name: 'API', value: 'api' }, { name: 'Broadcast', value: 'broadcast' }, { name: 'Chat', value: 'chat' }], default: 'api', description: 'Only messages sent by this part of the platform' }, { displayName: 'Timezone', name: 'timezone', type: 'string', default: '', description: 'IANA time zone for grouping, e.g. Europe/London' }] },
];

export const { description, execute } = defineOperation({
	resource: 'analytics',
	operation: 'getMessages',
	method: 'GET',
	path: '/analytics/messages',
	fields,
	query(i: number) { return { ...optionsQuery.call(this, i), from: dateParam.call(this, 'from', 'From', i), to: dateParam.call(this, 'to', 'To', i) }; },
});
