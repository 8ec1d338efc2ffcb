import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import type { OperationModule, SimpleOperation } from '../../shared';
import {
	defineRequestOperation,
	parseJsonArray,
	parseJsonObject,
	requireValue,
} from '../../shared';
import { dotdigitalRequest } from '../transport';

/**
 * Field helpers of the dotdigital operations, and `defineOperation`: the shared operation engine
 * (`defineRequestOperation`) bound to dotdigital's transport.
 */

/** A required text parameter, trimmed, with an error naming the field when empty. */
export function requiredString(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): string {
	return requireValue(this.getNode(), this.getNodeParameter(name, itemIndex, ''), label, itemIndex);
}

export function jsonObject(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): IDataObject {
	return parseJsonObject(
		this.getNode(),
		this.getNodeParameter(name, itemIndex, '{}'),
		label,
		itemIndex,
	);
}

export function jsonArray(
	this: IExecuteFunctions,
	name: string,
	label: string,
	itemIndex: number,
): unknown[] {
	return parseJsonArray(
		this.getNode(),
		this.getNodeParameter(name, itemIndex, '[]'),
		label,
		itemIndex,
	);
}

/** A comma-separated text field as a list of trimmed, non-empty values. */
export function splitList(value: unknown): string[] {
	if (Array.isArray(value)) return value.map((v) => String(v).trim()).filter(Boolean);
	return String(value ?? '')
		.split(',')
		.map((v) => v.trim())
		.filter(Boolean);
}

/** Description and execute for a table-row operation sent to dotdigital (the shared engine). */
export function defineOperation(spec: SimpleOperation): OperationModule {
	return defineRequestOperation(dotdigitalRequest, spec);
}

/** A required text field. */
export function idField(name: string, displayName: string, description: string): INodeProperties {
	return { displayName, name, type: 'string', required: true, default: '', description };
}

/** A JSON body field. */
export function jsonField(
	name: string,
	displayName: string,
	description: string,
	example: string,
	required = false,
): INodeProperties {
	return { displayName, name, type: 'json', required, default: example, description };
}

/** Channels a message can go through, for `rules`, `customBody` and `channelOptions`. */
export const CHANNEL_OPTIONS = [
	{ name: 'App Messaging', value: 'appMessaging' },
	{ name: 'Email', value: 'email' },
	{ name: 'Facebook Messenger', value: 'fbMessenger' },
	{ name: 'MMS', value: 'mms' },
	{ name: 'Native Push', value: 'nativePush' },
	{ name: 'RCS', value: 'rcs' },
	{ name: 'SMS', value: 'sms' },
	{ name: 'WhatsApp', value: 'whatsApp' },
];
