import type { IDataObject, IExecuteFunctions, INode, INodeProperties } from 'n8n-workflow';

import { inputError } from './errors';
import { parameterReader } from './parameters';

/**
 * "Map Automatically": each input item's JSON fields are taken by name, as n8n's database and Google
 * Sheets nodes do. The user can leave fields out (Fields to Ignore) and rename them (Rename Fields,
 * from → to) before the vendor's field names are matched. Nothing is read per field from n8n: the two
 * settings are read once per execution unless they hold expressions.
 */
export const AUTO_MAP_VALUE = 'auto';

/** The two settings of the automatic mode, shown when `show` matches (e.g. `{ inputMode: ['auto'] }`). */
export function autoMappingProperties(show: Record<string, string[]>): INodeProperties[] {
	return [
		{
			displayName: 'Fields to Ignore',
			name: 'ignoreFields',
			type: 'string',
			default: '',
			placeholder: 'e.g. internalNote, createdAt',
			description:
				'Comma-separated names of input fields not to send (matched before renaming, case-sensitive)',
			displayOptions: { show },
		},
		{
			displayName: 'Rename Fields',
			name: 'renameFields',
			type: 'fixedCollection',
			placeholder: 'Add Rename',
			typeOptions: { multipleValues: true },
			default: {},
			description: 'Input fields to send under another name, e.g. crm_id → userId',
			displayOptions: { show },
			options: [
				{
					displayName: 'Rename',
					name: 'values',
					values: [
						{
							displayName: 'Input Field',
							name: 'from',
							type: 'string',
							default: '',
							placeholder: 'e.g. crm_id',
							description: 'Name of the field in the input item (case-sensitive)',
						},
						{
							displayName: 'Send As',
							name: 'to',
							type: 'string',
							default: '',
							placeholder: 'e.g. userId',
							description: "The vendor's field name to send the value under",
						},
					],
				},
			],
		},
	];
}

export interface FieldMapping {
	ignore: ReadonlySet<string>;
	rename: ReadonlyMap<string, string>;
}

const EMPTY_MAPPING: FieldMapping = { ignore: new Set(), rename: new Map() };

/** Parses the two settings; refuses a rename without a name and two fields renamed to one. */
export function parseFieldMapping(
	node: INode,
	ignoreText: unknown,
	renameCollection: unknown,
	itemIndex: number,
): FieldMapping {
	if (ignoreText !== undefined && ignoreText !== null && typeof ignoreText !== 'string') {
		throw inputError(node, '"Fields to Ignore" must be text: field names separated by commas', {
			itemIndex,
		});
	}
	const ignore = new Set<string>();
	for (const name of (ignoreText ?? '').split(',')) {
		const trimmed = name.trim();
		if (trimmed) ignore.add(trimmed);
	}
	const rename = new Map<string, string>();
	const pairs = ((renameCollection as IDataObject | undefined)?.values ?? []) as Array<{
		from?: unknown;
		to?: unknown;
	}>;
	if (!Array.isArray(pairs)) {
		throw inputError(node, '"Rename Fields" must be a list of renames', { itemIndex });
	}
	const targets = new Set<string>();
	for (const { from, to } of pairs) {
		const source = typeof from === 'string' ? from.trim() : '';
		const target = typeof to === 'string' ? to.trim() : '';
		if (!source || !target) {
			throw inputError(node, '"Rename Fields" needs both an input field and a name to send it as', {
				itemIndex,
				description: `Got "${String(from ?? '')}" → "${String(to ?? '')}"`,
			});
		}
		if (rename.has(source)) {
			throw inputError(node, `"Rename Fields" renames "${source}" twice`, { itemIndex });
		}
		if (targets.has(target)) {
			throw inputError(node, `"Rename Fields" renames two fields to "${target}"`, { itemIndex });
		}
		rename.set(source, target);
		targets.add(target);
	}
	return ignore.size === 0 && rename.size === 0 ? EMPTY_MAPPING : { ignore, rename };
}

const parsed = new WeakMap<object, { ignore: unknown; rename: unknown; mapping: FieldMapping }>();

/**
 * The mapping settings for item `itemIndex`, read through the execution's parameter reader and parsed
 * once for as long as they do not change (fixed settings: once per execution).
 */
export function fieldMapping(ctx: IExecuteFunctions, itemIndex: number): FieldMapping {
	const reader = parameterReader(ctx);
	const ignore = reader.get('ignoreFields', itemIndex, '');
	const rename = reader.get('renameFields', itemIndex, {});
	const last = parsed.get(reader);
	if (last && last.ignore === ignore && last.rename === rename) return last.mapping;
	const mapping = parseFieldMapping(reader.node, ignore, rename, itemIndex);
	parsed.set(reader, { ignore, rename, mapping });
	return mapping;
}

/**
 * Calls `take(name, value)` for each field of an item's JSON, with ignored fields left out, renames
 * applied, and fields whose value is `undefined` skipped (`null` is passed on: the caller decides).
 * Refuses a rename whose new name is also a field of the item (the two would collide).
 */
export function forEachMappedField(
	node: INode,
	json: IDataObject,
	mapping: FieldMapping,
	itemIndex: number,
	take: (name: string, value: unknown, inputName: string) => void,
): void {
	const { ignore, rename } = mapping;
	if (rename.size > 0) {
		for (const [from, to] of rename) {
			if (
				json[from] !== undefined &&
				json[to] !== undefined &&
				!ignore.has(to) &&
				!rename.has(to) &&
				!ignore.has(from)
			) {
				throw inputError(
					node,
					`Input field "${from}" is renamed to "${to}", but the item has a field "${to}" too`,
					{
						itemIndex,
						description: `Add "${to}" to Fields to Ignore, or rename it as well`,
					},
				);
			}
		}
	}
	for (const key in json) {
		if (!Object.prototype.hasOwnProperty.call(json, key)) continue;
		if (ignore.size > 0 && ignore.has(key)) continue;
		const value = json[key];
		if (value === undefined) continue;
		take(rename.size > 0 ? (rename.get(key) ?? key) : key, value, key);
	}
}
