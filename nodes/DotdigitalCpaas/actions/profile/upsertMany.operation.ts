import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { BatchEntry } from '../../../shared';
import {
	AUTO_MAP_VALUE,
	autoMappingProperties,
	fieldMapping,
	forEachMappedField,
	inputError,
	parameterReader,
	parseJsonObject,
	processInBatches,
	requireValue,
	showFor,
	updateDisplayOptions,
} from '../../../shared';
import { dotdigitalRequest } from '../../transport';

/** Profiles per bulk call (inferred: the bulk endpoint documents no limit). */
export const PROFILE_BULK_SIZE = 1000;

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('profile', 'upsertMany'),
	[
		{
			displayName: `All input items are sent through the bulk API, ${PROFILE_BULK_SIZE} profiles per call`,
			name: 'bulkNotice',
			type: 'notice',
			default: '',
		},
		{
			displayName: 'Input Mode',
			name: 'inputMode',
			type: 'options',
			options: [
				{ name: 'Fields', value: 'fields', description: 'Set the profile ID and JSON in the node' },
				{
					name: 'Map Automatically',
					value: AUTO_MAP_VALUE,
					description:
						"Take each input item's fields by name as profile fields; the Profile ID is the field named ID in lowercase letters (Rename Fields can map another field to it)",
				},
			],
			default: 'fields',
			description:
				'Where each profile comes from: an ID and JSON set in the node, or the input item itself',
		},
		{
			displayName: 'Profile ID',
			name: 'profileId',
			type: 'string',
			required: true,
			default: '',
			description: 'ID of the profile to create or update, e.g. a CRM ID or an email address',
			displayOptions: { show: { inputMode: ['fields'] } },
		},
		{
			displayName: 'Profile (JSON)',
			name: 'profile',
			type: 'json',
			default: '{\n  "email": "jane@example.com"\n}',
			description: 'Profile fields (no field name may start with _)',
			displayOptions: { show: { inputMode: ['fields'] } },
		},
		...autoMappingProperties({ inputMode: [AUTO_MAP_VALUE] }),
	],
);

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const reader = parameterReader(this);
	const node = reader.node;
	return await processInBatches.call(this, items, {
		batchSize: PROFILE_BULK_SIZE,
		prepare: (itemIndex: number) => {
			if (reader.get('inputMode', itemIndex, 'fields') === AUTO_MAP_VALUE)
				return mapProfile(this, reader.json(itemIndex), itemIndex);
			const id = requireValue(node, reader.get('profileId', itemIndex), 'Profile ID', itemIndex);
			const fields = parseJsonObject(
				node,
				reader.get('profile', itemIndex, '{}'),
				'Profile (JSON)',
				itemIndex,
			);
			const system = Object.keys(fields).filter((k) => k.startsWith('_'));
			if (system.length)
				throw inputError(
					node,
					`"Profile (JSON)" has fields starting with _: ${system.join(', ')}`,
					{ itemIndex },
				);
			return { ...fields, id };
		},
		send: async (chunk: Array<BatchEntry<IDataObject>>) => {
			// Create-or-update is idempotent: replaying it after a broken connection changes nothing.
			await dotdigitalRequest.call(this, {
				method: 'PATCH',
				path: '/profiles/bulk',
				body: chunk.map((c) => c.entry),
				idempotent: true,
				itemIndex: chunk[0].itemIndex,
			});
			return chunk.map(({ entry }) => ({ ...entry, upserted: true }));
		},
	});
}

/**
 * A profile from an item's JSON (Map Automatically): every field by name, `id` required (text or a
 * number), no field starting with _ (dotdigital's system fields).
 */
export function mapProfile(
	ctx: IExecuteFunctions,
	json: IDataObject,
	itemIndex: number,
): IDataObject {
	const node = parameterReader(ctx).node;
	const profile: IDataObject = {};
	forEachMappedField(
		node,
		json,
		fieldMapping(ctx, itemIndex),
		itemIndex,
		(name, value, inputName) => {
			if (value === null) return; // an empty column is not sent
			if (name.startsWith('_')) {
				throw inputError(
					node,
					`Input field "${inputName}" would be the profile field "${name}": names starting with _ are dotdigital's own`,
					{ itemIndex, description: 'Rename the field or add it to Fields to Ignore' },
				);
			}
			profile[name] = value as IDataObject[string];
		},
	);
	const id = profile.id;
	if (typeof id === 'number' && Number.isFinite(id)) profile.id = String(id);
	profile.id = requireValue(node, profile.id, 'id', itemIndex);
	return profile;
}
