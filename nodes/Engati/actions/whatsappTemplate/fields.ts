import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	inputError,
	nodeParameter,
	parameterReader,
	parseJsonArray,
	requireValue,
} from '../../../shared';

/** Fields of a WhatsApp template (360dialog / WhatsApp template object), shared by Send and the v2 broadcast. */
export const templateProperties: INodeProperties[] = [
	{
		displayName: 'Template Name',
		name: 'templateName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. order_update',
		description: 'Name of the approved template (Broadcast → Message Templates)',
	},
	{
		displayName: 'Namespace',
		name: 'namespace',
		type: 'string',
		default: '',
		placeholder: 'e.g. dd96ee84_2909_4425_86ba_8a7fb56c2d2a',
		description:
			'WhatsApp Business Account namespace of the template ("Generate cURL" on the template shows it); left out when empty',
	},
	{
		displayName: 'Language Code',
		name: 'languageCode',
		type: 'string',
		default: 'en',
		required: true,
		placeholder: 'e.g. en_US',
		description: 'Language of the approved template, e.g. en or en_US',
	},
	{
		displayName: 'Language Policy',
		name: 'languagePolicy',
		type: 'options',
		options: [
			{
				name: 'Deterministic',
				value: 'deterministic',
				description: 'Use exactly the given language',
			},
			{
				name: 'Fallback',
				value: 'fallback',
				description: "Fall back to the user's or default language",
			},
		],
		default: 'deterministic',
		description:
			'How WhatsApp picks the translation of the template: exactly the given language, or a fallback',
	},
	{
		displayName: 'Define Components',
		name: 'componentsMode',
		type: 'options',
		options: [
			{ name: 'Using Fields Below', value: 'builder' },
			{ name: 'Using JSON', value: 'json' },
		],
		default: 'builder',
		description: "How to give the template's variable parts (header, body parameters, buttons)",
	},
	{
		displayName: 'Header',
		name: 'header',
		type: 'fixedCollection',
		placeholder: 'Add Header',
		default: {},
		description: "Value of the template's header variable: a text, or a media file by URL",
		displayOptions: { show: { componentsMode: ['builder'] } },
		options: [
			{
				displayName: 'Header',
				name: 'value',
				values: [
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						options: [
							{ name: 'Document', value: 'document' },
							{ name: 'Image', value: 'image' },
							{ name: 'Text', value: 'text' },
							{ name: 'Video', value: 'video' },
						],
						default: 'image',
						description: 'Kind of header, as the approved template defines it',
					},
					{
						displayName: 'Text',
						name: 'text',
						type: 'string',
						default: '',
						displayOptions: { show: { type: ['text'] } },
						description: "Value of the header's variable",
					},
					{
						displayName: 'Media URL',
						name: 'link',
						type: 'string',
						default: '',
						placeholder: 'e.g. https://example.com/invoice.pdf',
						displayOptions: { show: { type: ['document', 'image', 'video'] } },
						description: 'Public HTTPS URL of the media',
					},
					{
						displayName: 'File Name',
						name: 'filename',
						type: 'string',
						default: '',
						placeholder: 'e.g. invoice.pdf',
						displayOptions: { show: { type: ['document'] } },
						description: 'Name the recipient sees for the document',
					},
				],
			},
		],
	},
	{
		displayName: 'Body Parameters',
		name: 'bodyParameters',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Parameter',
		default: {},
		displayOptions: { show: { componentsMode: ['builder'] } },
		description: 'Values of the body variables {{1}}, {{2}}, … in order',
		options: [
			{
				displayName: 'Parameter',
				name: 'parameter',
				values: [
					{
						displayName: 'Text',
						name: 'text',
						type: 'string',
						default: '',
						description: 'Value of the next body variable ({{1}} for the first parameter)',
					},
				],
			},
		],
	},
	{
		displayName: 'Buttons',
		name: 'buttons',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true, sortable: true },
		placeholder: 'Add Button',
		default: {},
		description:
			"Values for the template's buttons that take one: quick-reply payloads and URL suffixes",
		displayOptions: { show: { componentsMode: ['builder'] } },
		options: [
			{
				displayName: 'Button',
				name: 'button',
				values: [
					{
						displayName: 'Type',
						name: 'subType',
						type: 'options',
						options: [
							{ name: 'Quick Reply', value: 'quick_reply' },
							{ name: 'URL', value: 'url' },
						],
						default: 'quick_reply',
						description: 'Kind of button, as the approved template defines it at this index',
					},
					{
						displayName: 'Index',
						name: 'index',
						type: 'number',
						typeOptions: { minValue: 0, maxValue: 9 },
						default: 0,
						description: 'Position of the button in the template, from 0',
					},
					{
						displayName: 'Payload',
						name: 'payload',
						type: 'string',
						default: '',
						placeholder: 'e.g. flow_7bbb608c3b4b4e848f36cd2ccd7cfa35',
						displayOptions: { show: { subType: ['quick_reply'] } },
						description:
							'Sent back when tapped; "flow_" followed by a flow key starts that Engati flow',
					},
					{
						displayName: 'URL Suffix',
						name: 'text',
						type: 'string',
						default: '',
						displayOptions: { show: { subType: ['url'] } },
						description: "Value of the variable at the end of the button's URL",
					},
				],
			},
		],
	},
	{
		displayName: 'Components (JSON)',
		name: 'componentsJson',
		type: 'json',
		default: '[]',
		displayOptions: { show: { componentsMode: ['json'] } },
		description:
			'The template\'s "components" array as WhatsApp defines it, e.g. [{"type":"body","parameters":[{"type":"text","text":"Ada"}]}]',
	},
];

interface HeaderValue {
	type?: string;
	text?: string;
	link?: string;
	filename?: string;
}

/** The `components` array from the builder fields. */
function buildComponents(this: IExecuteFunctions, i: number): IDataObject[] {
	const node = parameterReader(this).node;
	const components: IDataObject[] = [];
	const header = (nodeParameter(this, 'header', i, {}) as { value?: HeaderValue }).value;
	if (header?.type) {
		if (header.type === 'text') {
			const headerText = requireValue(node, header.text, 'Header → Text', i);
			components.push({ type: 'header', parameters: [{ type: 'text', text: headerText }] });
		} else {
			const link = requireValue(node, header.link, 'Header → Media URL', i);
			if (!/^https?:\/\//i.test(link)) {
				throw inputError(node, `"Header → Media URL" is not a URL: "${link}"`, {
					itemIndex: i,
					description: 'Use a public https:// link to the media',
				});
			}
			const media: IDataObject = { link };
			if (header.type === 'document' && header.filename) media.filename = header.filename;
			components.push({
				type: 'header',
				parameters: [{ type: header.type, [header.type]: media }],
			});
		}
	}
	const bodyParameters =
		(nodeParameter(this, 'bodyParameters', i, {}) as { parameter?: Array<{ text?: string }> })
			.parameter ?? [];
	if (bodyParameters.length > 0) {
		components.push({
			type: 'body',
			parameters: bodyParameters.map((p) => ({ type: 'text', text: String(p.text ?? '') })),
		});
	}
	const buttons =
		(
			nodeParameter(this, 'buttons', i, {}) as {
				button?: Array<{ subType?: string; index?: number; payload?: string; text?: string }>;
			}
		).button ?? [];
	for (const button of buttons) {
		const isUrl = button.subType === 'url';
		const value = requireValue(
			node,
			isUrl ? button.text : button.payload,
			isUrl ? 'Buttons → URL Suffix' : 'Buttons → Payload',
			i,
		);
		components.push({
			type: 'button',
			sub_type: isUrl ? 'url' : 'quick_reply',
			index: Number(button.index ?? 0),
			parameters: [isUrl ? { type: 'text', text: value } : { type: 'payload', payload: value }],
		});
	}
	return components;
}

/** The template object: name, namespace (when set), language and components. */
export function buildTemplate(this: IExecuteFunctions, i: number): IDataObject {
	const node = parameterReader(this).node;
	const name = requireValue(node, nodeParameter(this, 'templateName', i), 'Template Name', i);
	const namespace = String(nodeParameter(this, 'namespace', i, '') ?? '').trim();
	const code = requireValue(node, nodeParameter(this, 'languageCode', i), 'Language Code', i);
	const policy = nodeParameter(this, 'languagePolicy', i, 'deterministic') as string;
	const mode = nodeParameter(this, 'componentsMode', i, 'builder') as string;
	const components =
		mode === 'json'
			? (parseJsonArray(
					node,
					nodeParameter(this, 'componentsJson', i),
					'Components (JSON)',
					i,
				) as IDataObject[])
			: buildComponents.call(this, i);
	if (
		components.some(
			(c) => !c || typeof c !== 'object' || Array.isArray(c) || typeof c.type !== 'string',
		)
	) {
		throw inputError(
			node,
			'"Components (JSON)" must be a list of objects that each have a "type"',
			{
				itemIndex: i,
				description: 'e.g. [{"type":"body","parameters":[{"type":"text","text":"Ada"}]}]',
			},
		);
	}
	return {
		name,
		...(namespace ? { namespace } : {}),
		language: { policy, code },
		components,
	};
}
