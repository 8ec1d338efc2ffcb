import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { BatchEntry } from '../../../shared';
import {
	autoMappingProperties,
	checkJsonSize,
	checkJsonText,
	cloneError,
	fieldMapping,
	forEachMappedField,
	inputError,
	parameterReader,
	parseJsonObject,
	processInBatches,
	processItems,
	readEmail,
	requireValue,
	showFor,
	updateDisplayOptions,
} from '../../../shared';
import {
	ENGAGEONE_MAX_BATCH_BYTES,
	ENGAGEONE_MAX_BATCH_RECORDS,
	engageOneRequest,
} from '../../transport';

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('campaign', 'sendTransactional'),
	[
		{
			displayName: 'API Version',
			name: 'apiVersion',
			type: 'options',
			options: [
				{
					name: 'V1',
					value: 'v1',
					description:
						'POST /campaigns/{campaign}/transactional; the email path is sent as the JSONPath $[*].&lt;field&gt;',
				},
				{
					name: 'V2',
					value: 'v2',
					description:
						'POST /campaigns/v2/{campaign}/transactional; the email path is the field name',
				},
			],
			default: 'v2',
			description:
				"Version of Communicate's transactional campaign endpoint; v2 is the current one, v1 the older one some accounts still use",
		},
		{
			displayName: 'Campaign Name',
			name: 'campaign',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. order-confirmation',
			description:
				'Name of the campaign in the project; reuse a name to track repeated sends as one campaign',
		},
		{
			displayName: 'Project',
			name: 'project',
			type: 'string',
			default: '',
			required: true,
			description: 'Name of the Communicate project that holds the communication',
		},
		{
			displayName: 'Communication',
			name: 'communication',
			type: 'string',
			default: '',
			required: true,
			description: 'Name of the email communication (design) in the project',
		},
		{
			displayName: 'Sender',
			name: 'sender',
			type: 'string',
			placeholder: 'e.g. name@email.com',
			default: '',
			required: true,
			description: 'Sender email address, verified in Account Settings',
		},
		{
			displayName: 'Subject',
			name: 'subject',
			type: 'string',
			default: '',
			required: true,
			placeholder: 'e.g. Your order has shipped',
			description: 'Subject line of the email',
		},
		{
			displayName: 'Send Mode',
			name: 'sendMode',
			type: 'options',
			options: [
				{
					name: 'All Items Together',
					value: 'batch',
					description: 'One call carries the rows of many items (up to the batch size per call)',
				},
				{
					name: 'One Call per Item',
					value: 'perItem',
					description: 'Each item is sent in its own call with a one-row data set',
				},
			],
			default: 'batch',
			description:
				'Whether the rows of many items go out in shared calls (fewer requests) or each item in a call of its own',
		},
		{
			displayName: 'Batch Size',
			name: 'batchSize',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 1000 },
			default: ENGAGEONE_MAX_BATCH_RECORDS,
			displayOptions: { show: { sendMode: ['batch'] } },
			description: 'Most recipient rows per call; larger inputs are split into several calls',
		},
		{
			displayName: 'Recipient Data',
			name: 'recipientSource',
			type: 'options',
			options: [
				{
					name: 'Map Automatically (Input Item Fields)',
					value: 'item',
					description:
						"Each item's JSON is one row of the data set, its fields taken by name (less Fields to Ignore, with Rename Fields applied)",
				},
				{ name: 'JSON', value: 'json', description: 'Build each row as a JSON object' },
			],
			default: 'item',
			description:
				'Where each recipient row of the data set comes from: the input item itself, or a JSON object you build',
		},
		{
			displayName: 'Recipient Row (JSON)',
			name: 'recipientJson',
			type: 'json',
			default: '{\n  "email": "",\n  "name": ""\n}',
			displayOptions: { show: { recipientSource: ['json'] } },
			description: "One row of the data set; its fields must match the communication's data source",
		},
		...autoMappingProperties({ recipientSource: ['item'] }),
		{
			displayName: 'Email Field',
			name: 'emailField',
			type: 'string',
			default: 'email',
			required: true,
			description: 'Name of the field in each row that holds the recipient email address',
		},
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Ignore Missing Fields',
					name: 'ignoreMissingFields',
					type: 'boolean',
					default: true,
					description:
						'Whether Communicate should send even when a row lacks fields the communication uses',
				},
				{
					displayName: 'Reply To',
					name: 'replyTo',
					type: 'string',
					placeholder: 'e.g. name@email.com',
					default: '',
					description: 'Email address that replies go to, when not the sender',
				},
				{
					displayName: 'Sender Name',
					name: 'senderName',
					type: 'string',
					default: '',
					placeholder: 'e.g. Acme Support',
					description: 'Name recipients see next to the sender address',
				},
			],
		},
	],
);

interface CallSettings extends IDataObject {
	apiVersion: string;
	campaign: string;
	project: string;
	communication: string;
	sender: string;
	subject: string;
	emailField: string;
	senderName: string;
	replyTo: string;
	ignoreMissingFields: boolean;
}

interface PreparedRow extends IDataObject {
	row: IDataObject;
	settings: CallSettings;
	/** Rows with equal keys can share one call. */
	key: string;
}

/** v1 takes a JSONPath over the data set array; v2 takes the field name. */
export function emailJsonPath(apiVersion: string, field: string): string {
	if (apiVersion !== 'v1') return field;
	return /^[A-Za-z_$][\w$]*$/.test(field)
		? `$[*].${field}`
		: `$[*]['${field.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}']`;
}

export function transactionalPath(apiVersion: string, campaign: string): string {
	const name = encodeURIComponent(campaign);
	return apiVersion === 'v1'
		? `/campaigns/${name}/transactional`
		: `/campaigns/v2/${name}/transactional`;
}

/** The request body exactly as the notes give it (APIExamples v2, Converse example v1). */
export function transactionalBody(settings: CallSettings, rows: IDataObject[]): IDataObject {
	return {
		communication: settings.communication,
		dataset: rows,
		email_json_path: emailJsonPath(settings.apiVersion, settings.emailField),
		sender: settings.sender,
		...(settings.senderName ? { sender_name: settings.senderName } : {}),
		...(settings.replyTo ? { reply_to: settings.replyTo } : {}),
		subject: settings.subject,
		project: settings.project,
		ignore_missing_fields: settings.ignoreMissingFields,
	};
}

/** The settings' raw values last read, and what was built from them (one per execution). */
interface SettingsCache {
	raw: unknown[];
	settings: CallSettings;
	key: string;
}
const SETTING_NAMES = [
	'apiVersion',
	'campaign',
	'project',
	'communication',
	'sender',
	'subject',
	'emailField',
	'additionalFields',
] as const;
const settingsCaches = new WeakMap<object, SettingsCache>();

/**
 * The call settings of item `i`. They are checked and built again only when a value differs from the
 * previous item's (expressions); fixed settings are built once per execution.
 */
function callSettings(this: IExecuteFunctions, i: number): SettingsCache {
	const reader = parameterReader(this);
	const cache = settingsCaches.get(reader);
	if (cache) {
		let same = true;
		for (let n = 0; n < SETTING_NAMES.length && same; n++) {
			same = reader.get(SETTING_NAMES[n], i, SETTING_DEFAULTS[n]) === cache.raw[n];
		}
		if (same) return cache;
	}
	const raw = SETTING_NAMES.map((name, n) => reader.get(name, i, SETTING_DEFAULTS[n]));
	const node = reader.node;
	const param = (n: number, label: string) => requireValue(node, raw[n], label, i).trim();
	const additional = (raw[7] ?? {}) as IDataObject;
	const settings: CallSettings = {
		apiVersion: raw[0] as string,
		campaign: param(1, 'Campaign Name'),
		project: param(2, 'Project'),
		communication: param(3, 'Communication'),
		sender: param(4, 'Sender'),
		subject: requireValue(node, raw[5], 'Subject', i),
		emailField: param(6, 'Email Field'),
		senderName: String(additional.senderName ?? '').trim(),
		replyTo: String(additional.replyTo ?? '').trim(),
		ignoreMissingFields:
			additional.ignoreMissingFields === undefined ? true : additional.ignoreMissingFields === true,
	};
	const built = { raw, settings, key: JSON.stringify(settings) };
	settingsCaches.set(reader, built);
	return built;
}
const SETTING_DEFAULTS: unknown[] = [
	'v2',
	undefined,
	undefined,
	undefined,
	undefined,
	undefined,
	undefined,
	{},
];

function prepareRow(this: IExecuteFunctions, items: INodeExecutionData[], i: number): PreparedRow {
	const reader = parameterReader(this);
	const node = reader.node;
	const { settings, key } = callSettings.call(this, i);
	const source = reader.get('recipientSource', i, 'item') as string;
	let row: IDataObject;
	if (source === 'json') {
		row = parseJsonObject(node, reader.get('recipientJson', i), 'Recipient Row (JSON)', i);
	} else {
		// The item's fields by name, less the ignored ones and with the renames applied.
		const mapping = fieldMapping(this, i);
		if (mapping.ignore.size === 0 && mapping.rename.size === 0) row = { ...items[i].json };
		else {
			row = {};
			forEachMappedField(node, items[i].json, mapping, i, (name, value) => {
				row[name] = value as IDataObject[string];
			});
		}
	}
	const email = row[settings.emailField];
	if (typeof email !== 'string' || email.trim() === '') {
		throw inputError(
			node,
			`The recipient row has no email address in the field "${settings.emailField}" (Email Field)`,
			{
				itemIndex: i,
				description: `Every row needs a non-empty "${settings.emailField}" field, or set Email Field to the field that holds the address`,
			},
		);
	}
	// The row is sent as it is (no trimming): the address must be exactly one valid address.
	readEmail(node, email, settings.emailField, i, { trim: false });
	for (const field in row) checkJsonText(node, row[field], field, i);
	checkJsonSize(
		node,
		row,
		'Recipient Row',
		i,
		ENGAGEONE_MAX_BATCH_BYTES,
		'EngageOne takes at most 5 MB of data set per call',
	);
	return { row, settings, key };
}

function resultFor(
	response: IDataObject,
	settings: CallSettings,
	row: IDataObject,
	rowsInCall: number,
): IDataObject {
	return {
		send_id: response.send_id ?? null,
		campaign: settings.campaign,
		apiVersion: settings.apiVersion,
		email: row[settings.emailField] as string,
		rowsInCall,
		...(response.send_id === undefined ? { response } : {}),
	};
}

async function sendRows(
	this: IExecuteFunctions,
	settings: CallSettings,
	rows: IDataObject[],
	itemIndex: number,
) {
	return await engageOneRequest.call(this, {
		method: 'POST',
		path: transactionalPath(settings.apiVersion, settings.campaign),
		body: transactionalBody(settings, rows),
		// The documented answer is {"send_id": "…"}; anything else (e.g. send_id null) is not a success.
		expect: (body: unknown) => {
			const sendId = (body as { send_id?: unknown } | undefined)?.send_id;
			return typeof sendId === 'string' && sendId ? undefined : 'expected {"send_id": "…"}';
		},
		unknownOutcomeCheck:
			'EngageOne has no dedupe for transactional sends; look for this send in the campaign\'s version history in Communicate (Data Source "Transactional Call") before sending again',
		itemIndex,
	});
}

export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const mode = this.getNodeParameter('sendMode', 0, 'batch') as string;
	if (mode === 'perItem') {
		return await processItems.call(this, items, async (i) => {
			const { row, settings } = prepareRow.call(this, items, i);
			const response = await sendRows.call(this, settings, [row], i);
			return resultFor(response, settings, row, 1);
		});
	}
	const batchSize = this.getNodeParameter('batchSize', 0, ENGAGEONE_MAX_BATCH_RECORDS) as number;
	return await processInBatches.call(this, items, {
		batchSize: Math.max(1, Math.min(1000, Math.floor(batchSize) || ENGAGEONE_MAX_BATCH_RECORDS)),
		maxBatchBytes: ENGAGEONE_MAX_BATCH_BYTES,
		prepare: (i: number) => prepareRow.call(this, items, i),
		send: async (chunk: Array<BatchEntry<IDataObject>>) => {
			// Rows whose campaign settings differ (expressions) cannot share a call: one call per group.
			const groups = new Map<string, number[]>();
			chunk.forEach(({ entry }, position) => {
				const key = (entry as PreparedRow).key;
				groups.set(key, [...(groups.get(key) ?? []), position]);
			});
			const results: Array<IDataObject | Error> = new Array(chunk.length);
			for (const positions of groups.values()) {
				const prepared = positions.map((p) => chunk[p].entry as PreparedRow);
				const settings = prepared[0].settings;
				const rows = prepared.map((p) => p.row);
				let response: IDataObject;
				try {
					response = await sendRows.call(this, settings, rows, chunk[positions[0]].itemIndex);
				} catch (error) {
					// Fails only this call's items; other calls of the chunk may have been sent already.
					for (const p of positions) results[p] = cloneError(error);
					continue;
				}
				positions.forEach((p, n) => {
					results[p] = resultFor(response, settings, rows[n], rows.length);
				});
			}
			return results;
		},
	});
}
