import { randomBytes } from 'crypto';
import type {
	IDataObject,
	IExecuteFunctions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import {
	inputError,
	parseJsonObject,
	processItems,
	readText,
	requireValue,
	showFor,
	updateDisplayOptions,
} from '../../../shared';
import { engatiRequest, responseObject } from '../../transport';
import { phonePlus } from '../common';
import { asObject, sendBroadcasts } from './fields';

const PATH = '/whatsapp-api/v1.0/customer/{customerId}/bot/{botKey}/external/broadcast';
const PHONE_HEADER = 'user.phone_number';
const UNKNOWN_OUTCOME_CHECK =
	'look for the broadcast under Broadcast > Basic Broadcast > Published in Engati (tagged "(Ext.)") before sending it again';

const properties: INodeProperties[] = [
	{
		displayName:
			'Needs WhatsApp with 360dialog as provider and a higher Engati plan; sends approved templates to existing users only, delivered within about 5–15 minutes, with no per-message status',
		name: 'externalNotice',
		type: 'notice',
		default: '',
	},
	{
		displayName: 'Broadcast Name',
		name: 'broadcastName',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Diwali offer',
		description: 'Name of the broadcast in Engati (the `broadcast_id` of the call)',
	},
	{
		displayName: 'Template Payload (JSON)',
		name: 'templatePayload',
		type: 'json',
		required: true,
		default:
			'{\n  "name": "",\n  "namespace": "",\n  "language": { "policy": "deterministic", "code": "en" },\n  "components": []\n}',
		description:
			'The template\'s structure: the "payload" object of the cURL that Engati generates under Broadcast → Message Templates → More Actions → Generate cURL',
	},
	{
		displayName: 'Recipients',
		name: 'audienceSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'From Input Items',
				value: 'items',
				description:
					'One CSV row per input item; items with the same broadcast name and template payload share one broadcast',
			},
			{
				name: 'CSV File in a Binary Field',
				value: 'binary',
				description: 'Each input item uploads its own CSV file as one broadcast',
			},
		],
		default: 'items',
		description:
			'Where the recipients come from: one CSV row built from each input item, or a CSV file each item carries',
	},
	{
		displayName: 'Phone Number',
		name: 'phoneNumber',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. +919876543210',
		displayOptions: { show: { audienceSource: ['items'] } },
		description: 'Recipient of this item, with country code (sent as `+` and digits)',
	},
	{
		displayName: 'Template Parameters',
		name: 'templateParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Parameter',
		default: {},
		displayOptions: { show: { audienceSource: ['items'] } },
		description:
			"This item's values of the template's parameters, in order: the CSV columns user.attribute_0, user.attribute_1, …",
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						description: 'Value of the next template parameter (the first fills user.attribute_0)',
					},
				],
			},
		],
	},
	{
		displayName: 'Input Binary Field',
		name: 'binaryPropertyName',
		type: 'string',
		required: true,
		default: 'data',
		displayOptions: { show: { audienceSource: ['binary'] } },
		hint: 'The name of the input binary field containing the CSV file',
		description:
			'CSV whose first column header is user.phone_number, then user.attribute_0, user.attribute_1, … (phone numbers with + and country code)',
	},
];

export const description: INodeProperties[] = updateDisplayOptions(
	showFor('broadcast', 'sendExternal'),
	properties,
);

/** A CSV field (RFC 4180): quoted when it holds a comma, quote, line break or outer spaces. */
export function csvField(value: string): string {
	return /[",\r\n]|^\s|\s$/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The audience CSV: `user.phone_number,user.attribute_0,…` and one row per recipient, CRLF-separated. */
export function audienceCsv(rows: string[][]): string {
	const columns = rows.reduce((n, row) => Math.max(n, row.length), 1);
	const header = [
		PHONE_HEADER,
		...Array.from({ length: columns - 1 }, (_, n) => `user.attribute_${n}`),
	];
	return [header, ...rows].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

/** A filename safe inside a quoted Content-Disposition parameter. */
function safeFileName(name: string | undefined): string {
	const cleaned = String(name ?? '')
		.replace(/[^\w.\- ]/g, '_')
		.trim();
	if (cleaned === '') return 'audience.csv';
	return /\.csv$/i.test(cleaned) ? cleaned : `${cleaned}.csv`;
}

/**
 * The multipart/form-data body (RFC 7578) Engati documents: `target_audience` = the CSV file,
 * `template_payload` = the template's JSON as a plain form field. Built here, as bytes, so the
 * package needs no form-data library; the boundary is random and never occurs in the content.
 */
export function multipartBody(
	csv: Buffer,
	fileName: string,
	templatePayload: string,
): { body: Buffer; contentType: string } {
	let boundary = '';
	do {
		boundary = `----n8nEngati${randomBytes(16).toString('hex')}`;
	} while (csv.includes(boundary) || templatePayload.includes(boundary));
	const body = Buffer.concat([
		Buffer.from(
			`--${boundary}\r\nContent-Disposition: form-data; name="target_audience"; filename="${safeFileName(fileName)}"\r\nContent-Type: text/csv\r\n\r\n`,
		),
		csv,
		Buffer.from(
			`\r\n--${boundary}\r\nContent-Disposition: form-data; name="template_payload"\r\n\r\n`,
		),
		Buffer.from(templatePayload, 'utf8'),
		Buffer.from(`\r\n--${boundary}--\r\n`),
	]);
	return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The template payload: a JSON object with a template name (not the whole cURL body). */
function templatePayload(this: IExecuteFunctions, i: number): IDataObject {
	const node = this.getNode();
	const payload = parseJsonObject(
		node,
		this.getNodeParameter('templatePayload', i, ''),
		'Template Payload (JSON)',
		i,
	);
	if ('payload' in payload && 'phoneNumber' in payload) {
		throw inputError(
			node,
			'"Template Payload (JSON)" is a whole template request: use only its "payload" object',
			{ itemIndex: i, description: 'Copy the value of "payload" from the generated cURL' },
		);
	}
	if (typeof payload.name !== 'string' || payload.name.trim() === '') {
		throw inputError(node, '"Template Payload (JSON)" has no template "name"', {
			itemIndex: i,
			description: 'Copy the "payload" object of the cURL Engati generates for the template',
		});
	}
	return payload;
}

/** A 2xx answer must be Engati's envelope (a code other than 1000 is then reported as an error). */
function isEnvelope(body: unknown): string | undefined {
	const status = (body as IDataObject | undefined)?.status as IDataObject | undefined;
	return status && typeof status === 'object' && status.code !== undefined
		? undefined
		: "not Engati's {responseObject, status} envelope";
}

async function upload(
	this: IExecuteFunctions,
	broadcastName: string,
	payload: IDataObject,
	csv: Buffer,
	fileName: string,
	itemIndex: number,
): Promise<IDataObject> {
	const { body, contentType } = multipartBody(csv, fileName, JSON.stringify(payload));
	const answer = await engatiRequest.call(this, {
		method: 'POST',
		path: PATH,
		qs: { broadcast_id: broadcastName },
		headers: { 'Content-Type': contentType },
		body,
		expect: isEnvelope,
		unknownOutcomeCheck: UNKNOWN_OUTCOME_CHECK,
		itemIndex,
	});
	return asObject(responseObject(answer));
}

/** Input items → CSV rows, one broadcast per distinct broadcast name, template payload and column count. */
async function fromItems(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	return await sendBroadcasts.call(
		this,
		items,
		(i) => {
			const broadcastName = requireValue(
				node,
				this.getNodeParameter('broadcastName', i),
				'Broadcast Name',
				i,
			);
			const payload = templatePayload.call(this, i);
			const phoneNumber = phonePlus(
				node,
				this.getNodeParameter('phoneNumber', i),
				'Phone Number',
				i,
			);
			const collection = this.getNodeParameter('templateParameters', i, {}) as {
				parameter?: Array<{ value?: unknown }>;
			};
			const values = (collection.parameter ?? []).map((p, n) =>
				readText(node, p.value, `Template Parameters ${n + 1}`, i, { required: true }),
			);
			return {
				recipient: { phoneNumber, parameters: values },
				content: { broadcastName, payload, columns: values.length },
			};
		},
		async ({ content, recipients, itemIndexes }) => {
			// The same recipient with the same values is one row; each row carries only its own values.
			const rows = [
				...new Map(
					recipients.map((r) => {
						const row = [r.phoneNumber as string, ...(r.parameters as string[])];
						return [JSON.stringify(row), row];
					}),
				).values(),
			];
			const result = await upload.call(
				this,
				content.broadcastName as string,
				content.payload as IDataObject,
				Buffer.from(audienceCsv(rows), 'utf8'),
				'audience.csv',
				itemIndexes[0],
			);
			return { ...result, recipients: rows.length };
		},
		(recipient, { content }, result): IDataObject => ({
			phoneNumber: recipient.phoneNumber,
			broadcastName: content.broadcastName,
			templateName: (content.payload as IDataObject).name as string,
			...result,
		}),
	);
}

/** Checks an uploaded CSV's header before sending it, so a wrong file fails with a clear reason. */
function checkCsv(this: IExecuteFunctions, csv: Buffer, field: string, i: number): number {
	const text = csv.toString('utf8').replace(/^\uFEFF/, '');
	const lines = text.split(/\r\n|\n|\r/).filter((line) => line.trim() !== '');
	const header = (lines[0] ?? '').split(',').map((h) => h.trim().replace(/^"(.*)"$/, '$1'));
	const expected = header.map((_, n) => (n === 0 ? PHONE_HEADER : `user.attribute_${n - 1}`));
	if (lines.length === 0 || header.join(',') !== expected.join(',')) {
		throw inputError(
			this.getNode(),
			`The CSV in "${field}" must start with the header ${expected.join(',') || PHONE_HEADER}, got "${(lines[0] ?? '').slice(0, 100)}"`,
			{
				itemIndex: i,
				description:
					'Engati reads the first column as user.phone_number and the others as user.attribute_0, user.attribute_1, … in this order',
			},
		);
	}
	if (lines.length < 2) {
		throw inputError(this.getNode(), `The CSV in "${field}" has no recipients`, { itemIndex: i });
	}
	return lines.length - 1;
}

/** One broadcast per input item, from the CSV file in its binary field. */
async function fromBinary(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const node = this.getNode();
	return await processItems.call(this, items, async (i) => {
		const broadcastName = requireValue(
			node,
			this.getNodeParameter('broadcastName', i),
			'Broadcast Name',
			i,
		);
		const payload = templatePayload.call(this, i);
		const property = requireValue(
			node,
			this.getNodeParameter('binaryPropertyName', i),
			'Input Binary Field',
			i,
		);
		const binary = this.helpers.assertBinaryData(i, property);
		const csv = await this.helpers.getBinaryDataBuffer(i, property);
		const rows = checkCsv.call(this, csv, property, i);
		const result = await upload.call(this, broadcastName, payload, csv, binary.fileName ?? '', i);
		return {
			broadcastName,
			templateName: payload.name as string,
			fileName: safeFileName(binary.fileName),
			...result,
			recipients: rows,
		};
	});
}

/**
 * `POST /whatsapp-api/v1.0/customer/{cid}/bot/{botKey}/external/broadcast?broadcast_id=` as
 * multipart/form-data with `target_audience` (CSV) and `template_payload` (External Broadcast API).
 */
export async function execute(
	this: IExecuteFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	const source = this.getNodeParameter('audienceSource', 0, 'items') as string;
	return source === 'binary'
		? await fromBinary.call(this, items)
		: await fromItems.call(this, items);
}
