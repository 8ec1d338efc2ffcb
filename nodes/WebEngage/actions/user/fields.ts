import type {
	IDataObject,
	IExecuteFunctions,
	IHttpRequestMethods,
	INodeProperties,
} from 'n8n-workflow';

import {
	AUTO_MAP_VALUE,
	autoMappingProperties,
	checkJsonText,
	inputError,
	keyValuesToObject,
	parameterReader,
	parseJsonObject,
	readEmail,
	readText,
	requireValue,
	toE164,
	toOffsetDateTime,
} from '../../../shared';
import { webEngageRequest } from '../../transport';
import { checkIdentity, mapRecord } from '../common';

/** The user fields shared by Create or Update and Create or Update Many. */
export const userProperties: INodeProperties[] = [
	{
		displayName: 'Input Mode',
		name: 'inputMode',
		type: 'options',
		options: [
			{ name: 'Fields', value: 'fields', description: 'Set each user field in the node' },
			{
				name: 'JSON',
				value: 'json',
				description: 'Send a JSON user object (WebEngage field names)',
			},
			{
				name: 'Map Automatically',
				value: AUTO_MAP_VALUE,
				description:
					"Take each input item's fields by name: WebEngage user fields (userId, email, phone, …) as such, every other field as a custom attribute",
			},
		],
		default: 'fields',
		description:
			'Where the user comes from: fields set in the node, one JSON object, or the input item itself',
	},
	...autoMappingProperties({ inputMode: [AUTO_MAP_VALUE] }),
	{
		displayName: 'User ID',
		name: 'userId',
		type: 'string',
		default: '',
		placeholder: 'e.g. johndoe',
		description: 'Your unique ID for the user (CUID). Required unless an Anonymous ID is given.',
		displayOptions: { show: { inputMode: ['fields'] } },
	},
	{
		displayName: 'User JSON',
		name: 'userJson',
		type: 'json',
		default: '{\n  "userId": "johndoe",\n  "firstName": "John"\n}',
		description: 'The user as WebEngage expects it; dates and phone are checked and converted',
		displayOptions: { show: { inputMode: ['json'] } },
	},
	{
		displayName: 'Additional Fields',
		name: 'additionalFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { inputMode: ['fields'] } },
		options: [
			{
				displayName: 'Anonymous ID',
				name: 'anonymousId',
				type: 'string',
				default: '',
				description:
					'ID of a user not yet identified (at most 100 characters); ignored by WebEngage when a User ID is sent',
			},
			{
				displayName: 'Birth Date',
				name: 'birthDate',
				type: 'dateTime',
				default: '',
				description:
					"The user's date of birth; sent in WebEngage format (yyyy-MM-ddTHH:mm:ss±hhmm)",
			},
			{
				displayName: 'Company',
				name: 'company',
				type: 'string',
				default: '',
				description: "Name of the user's company",
			},
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. name@email.com',
				default: '',
				description: "The user's email address; checked before sending",
			},
			{
				displayName: 'Email Opt-In',
				name: 'emailOptIn',
				type: 'boolean',
				default: true,
				description: 'Whether the user may receive email',
			},
			{
				displayName: 'First Name',
				name: 'firstName',
				type: 'string',
				default: '',
				description: "The user's given name",
			},
			{
				displayName: 'Gender',
				name: 'gender',
				type: 'options',
				options: [
					{ name: 'Female', value: 'female' },
					{ name: 'Male', value: 'male' },
					{ name: 'Other', value: 'other' },
				],
				default: 'female',
				description: "The user's gender as WebEngage stores it: male, female or other",
			},
			{
				displayName: 'Hashed Email',
				name: 'hashedEmail',
				type: 'string',
				default: '',
				description:
					'Hash of the email address, for accounts that send through a private email provider',
			},
			{
				displayName: 'Hashed Phone',
				name: 'hashedPhone',
				type: 'string',
				default: '',
				description:
					'Hash of the phone number, for accounts that send through a private SMS provider',
			},
			{
				displayName: 'Last Name',
				name: 'lastName',
				type: 'string',
				default: '',
				description: "The user's family name",
			},
			{
				displayName: 'Phone',
				name: 'phone',
				type: 'string',
				default: '',
				placeholder: 'e.g. +14155550123',
				description:
					"The user's mobile number in E.164 format: + country code and number, at most 15 digits",
			},
			{
				displayName: 'RCS Opt-In',
				name: 'rcsOptIn',
				type: 'boolean',
				default: true,
				description: 'Whether the user may receive RCS messages',
			},
			{
				displayName: 'SMS Opt-In',
				name: 'smsOptIn',
				type: 'boolean',
				default: true,
				description: 'Whether the user may receive SMS',
			},
			{
				displayName: 'WhatsApp Opt-In',
				name: 'whatsappOptIn',
				type: 'boolean',
				default: false,
				description:
					'Whether the user consented to WhatsApp messages (WebEngage defaults to false)',
			},
		],
	},
	{
		displayName: 'Custom Attributes',
		name: 'attributes',
		type: 'fixedCollection',
		placeholder: 'Add Attribute',
		typeOptions: { multipleValues: true },
		default: {},
		description:
			'Your own attributes of the user. WebEngage keeps at most 25 per data type, and the first value sent fixes the type.',
		displayOptions: { show: { inputMode: ['fields'] } },
		options: [
			{
				displayName: 'Attribute',
				name: 'values',
				values: [
					{
						displayName: 'Name',
						name: 'key',
						type: 'string',
						default: '',
						placeholder: 'e.g. Plan',
						description:
							'Attribute name: case-sensitive, under 50 characters, not starting with "we_"',
					},
					{
						displayName: 'Value',
						name: 'value',
						type: 'string',
						default: '',
						placeholder: 'e.g. Gold',
						description:
							'Attribute value; WebEngage truncates text over 1,000 characters. For numbers or booleans use the JSON input mode.',
					},
				],
			},
		],
	},
];

/** WebEngage's own user fields (https://docs.webengage.com/docs/rest-api-users); others are custom attributes. */
export const USER_FIELDS: ReadonlySet<string> = new Set([
	'userId',
	'anonymousId',
	'firstName',
	'lastName',
	'birthDate',
	'gender',
	'email',
	'phone',
	'emailOptIn',
	'smsOptIn',
	'whatsappOptIn',
	'rcsOptIn',
	'company',
	'hashedEmail',
	'hashedPhone',
]);

const TEXT_FIELDS: ReadonlyArray<readonly [string, string]> = [
	['firstName', 'First Name'],
	['lastName', 'Last Name'],
	['company', 'Company'],
	['hashedEmail', 'Hashed Email'],
	['hashedPhone', 'Hashed Phone'],
];

/**
 * A user from an item's JSON (Map Automatically): WebEngage user fields by name, an `attributes`
 * object merged into the custom attributes, every other field a custom attribute.
 */
const USER_MAPPING = {
	own: USER_FIELDS,
	extraKey: 'attributes',
	extraName: 'custom attribute',
	reservedHint: 'WebEngage ignores attributes whose name starts with we_; rename or ignore it',
};

/**
 * Builds and checks one user from item `i`: an identity is required, `we_` attribute names are
 * refused (WebEngage drops them silently), the phone must be E.164 and dates become WebEngage's format.
 * Parameters come through the execution's reader: fixed values are not evaluated again per item.
 */
export function buildUser(this: IExecuteFunctions, i: number): IDataObject {
	const reader = parameterReader(this);
	const node = reader.node;
	const mode = reader.get('inputMode', i) as string;
	let user: IDataObject;
	if (mode === AUTO_MAP_VALUE) {
		user = mapRecord.call(this, reader.json(i), i, node, USER_MAPPING);
	} else if (mode === 'json') {
		user = { ...parseJsonObject(node, reader.get('userJson', i), 'User JSON', i) };
	} else {
		user = {
			userId: reader.get('userId', i, '') as string,
			...(reader.get('additionalFields', i, {}) as IDataObject),
		};
		const attributes = keyValuesToObject(reader.get('attributes', i, {}));
		if (Object.keys(attributes).length > 0) user.attributes = attributes;
	}
	checkIdentity(node, user, i);
	if (user.email !== undefined) user.email = readEmail(node, user.email, 'Email', i);
	for (let n = 0; n < TEXT_FIELDS.length; n++) {
		const [key, label] = TEXT_FIELDS[n];
		if (user[key] !== undefined) user[key] = readText(node, user[key], label, i);
	}
	if (user.phone !== undefined) user.phone = toE164(node, user.phone, 'Phone', i);
	if (user.birthDate !== undefined)
		user.birthDate = toOffsetDateTime(node, user.birthDate, 'Birth Date', i);
	const attributes = user.attributes as IDataObject | undefined;
	if (attributes !== undefined) {
		if (typeof attributes !== 'object' || Array.isArray(attributes)) {
			throw inputError(node, '"Custom Attributes" must be an object', { itemIndex: i });
		}
		checkJsonText(node, attributes, 'Custom Attributes', i);
		for (const name in attributes) {
			if (name.startsWith('we_')) {
				throw inputError(node, `Custom attribute "${name}" starts with the reserved prefix "we_"`, {
					itemIndex: i,
					description: 'WebEngage ignores attributes whose name starts with we_; rename it',
				});
			}
		}
	}
	return user;
}

/** The Request ID of a GDPR erasure request (Get Deletion Status, Cancel Deletion). */
export function deletionRequestIdField(note: string): INodeProperties {
	return {
		displayName: 'Request ID',
		name: 'requestId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 3f0c1e2d-3c4b-4a69-8788-96a5b4c3d2e1',
		description: `The ID the Delete operation returned (or the Request ID you gave it)${note}`,
	};
}

/** Calls WebEngage's GDPR API on item `i`'s erasure request: GET its status, DELETE to cancel it. */
export async function onDeletionRequest(
	this: IExecuteFunctions,
	i: number,
	method: IHttpRequestMethods,
): Promise<{ requestId: string; response: IDataObject }> {
	const requestId = requireValue(
		this.getNode(),
		this.getNodeParameter('requestId', i),
		'Request ID',
		i,
	);
	const response = await webEngageRequest.call(this, {
		method,
		path: `/v1/accounts/{licenseCode}/opengdpr_requests/${encodeURIComponent(requestId)}`,
		itemIndex: i,
	});
	return { requestId, response };
}
