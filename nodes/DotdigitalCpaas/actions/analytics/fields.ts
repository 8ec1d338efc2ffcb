import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { optionsQuery, toIsoDate } from '../../../shared';

/** A required date parameter as UTC ISO-8601, named in the error when missing or invalid. */
function dateParam(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): string {
	const value = this.getNodeParameter(name, itemIndex, '');
	return toIsoDate(this.getNode(), value === '' ? undefined : value, label, itemIndex);
}

const PERIODS = [
	{ name: 'Day', value: 'day' },
	{ name: 'Hour', value: 'hour' },
	{ name: 'Month', value: 'month' },
	{ name: 'Year', value: 'year' },
];

/** What a report accepts (analytics-api.json differs per report). */
export interface ReportShape {
	dates: boolean;
	groupBy?: Array<{ name: string; value: string }>;
	system?: boolean;
	timezone?: boolean;
	team?: boolean;
	whatsApp?: boolean;
}

export const PERIOD_GROUPS = PERIODS;
export const WHATSAPP_GROUPS = [
	{ name: 'Daily', value: 'daily' },
	{ name: 'Half Hour', value: 'half_hour' },
	{ name: 'Monthly', value: 'monthly' },
];

/** The fields of one report: the period (when it takes one) and the options it documents. */
export function reportFields(shape: ReportShape): INodeProperties[] {
	const options: INodeProperties[] = [];
	if (shape.team) {
		options.push({
			displayName: 'Agent ID',
			name: 'agentId',
			type: 'string',
			default: '',
			description: 'Only chats of this agent',
		});
	}
	if (shape.groupBy) {
		const groupBy: INodeProperties = {
			displayName: 'Group By',
			name: 'by',
			type: 'options',
			options: shape.groupBy,
			default: 'day',
			description: 'How results are grouped',
		};
		if (shape.groupBy === WHATSAPP_GROUPS) groupBy.default = 'daily';
		options.push(groupBy);
	}
	if (shape.whatsApp) {
		options.push({
			displayName: 'Phone Numbers',
			name: 'phoneNumbers',
			type: 'string',
			default: '',
			description: 'Comma-separated WhatsApp phone numbers to report on',
		});
	}
	if (shape.system) {
		options.push({
			displayName: 'System',
			name: 'system',
			type: 'options',
			options: [
				{ name: 'API', value: 'api' },
				{ name: 'Broadcast', value: 'broadcast' },
				{ name: 'Chat', value: 'chat' },
			],
			default: 'api',
			description: 'Only messages sent by this part of the platform',
		});
	}
	if (shape.team) {
		options.push({
			displayName: 'Team ID',
			name: 'teamId',
			type: 'string',
			default: '',
			description: 'Only chats of this team',
		});
	}
	if (shape.timezone) {
		options.push({
			displayName: 'Timezone',
			name: 'timezone',
			type: 'string',
			default: '',
			description: 'IANA time zone for grouping, e.g. Europe/London',
		});
	}
	if (shape.whatsApp) {
		options.push({
			displayName: 'WABA IDs',
			name: 'wabaIds',
			type: 'string',
			default: '',
			description: 'Comma-separated WhatsApp Business account IDs',
		});
	}
	const fields: INodeProperties[] = [];
	if (shape.dates) {
		fields.push(
			{
				displayName: 'From',
				name: 'from',
				type: 'dateTime',
				required: true,
				default: '',
				description: 'Start of the period; sent as ISO 8601 UTC',
			},
			{
				displayName: 'To',
				name: 'to',
				type: 'dateTime',
				required: true,
				default: '',
				description: 'End of the period; sent as ISO 8601 UTC',
			},
		);
	}
	if (options.length)
		fields.push({
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add Option',
			default: {},
			options,
		});
	return fields;
}

/** Query string of a report: its options, plus the period as UTC ISO-8601 when it takes one. */
export function reportQuery(
	this: IExecuteFunctions,
	itemIndex: number,
	shape: ReportShape,
): IDataObject {
	const query: IDataObject = optionsQuery.call(this, itemIndex);
	if (shape.dates) {
		query.from = dateParam.call(this, 'from', 'From', itemIndex);
		query.to = dateParam.call(this, 'to', 'To', itemIndex);
	}
	return query;
}
