import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import {
	checkJsonText,
	inputError,
	keyValuesToObject,
	parseJsonObject,
	readEmail,
	readText,
	toE164,
	toOffsetDateTime,
} from '../../../shared';
import { checkIdentity } from '../common';

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
		],
		default: 'fields',
	},
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
			{ displayName: 'Anonymous ID', name: 'anonymousId', type: 'string', default: '' },
			{
				displayName: 'Birth Date',
				name: 'birthDate',
				type: 'dateTime',
				default: '',
				description: 'Sent in WebEngage format (yyyy-MM-ddTHH:mm:ss±hhmm)',
			},
			{ displayName: 'Company', name: 'company', type: 'string', default: '' },
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'e.g. name@email.com',
				default: '',
			},
			{
				displayName: 'Email Opt-In',
				name: 'emailOptIn',
				type: 'boolean',
				default: true,
				description: 'Whether the user may receive email',
			},
			{ displayName: 'First Name', name: 'firstName', type: 'string', default: '' },
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
			},
			{ displayName: 'Hashed Email', name: 'hashedEmail', type: 'string', default: '' },
			{ displayName: 'Hashed Phone', name: 'hashedPhone', type: 'string', default: '' },
			{ displayName: 'Last Name', name: 'lastName', type: 'string', default: '' },
			{
				displayName: 'Phone',
				name: 'phone',
				type: 'string',
				default: '',
				placeholder: 'e.g. +14155550123',
				description: 'In E.164 format',
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
		displayOptions: { show: { inputMode: ['fields'] } },
		options: [
			{
				displayName: 'Attribute',
				name: 'values',
				values: [
					{ displayName: 'Name', name: 'key', type: 'string', default: '' },
					{ displayName: 'Value', name: 'value', type: 'string', default: '' },
				],
			},
		],
	},
];

/**
 * Builds and checks one user from item `i`: an identity is required, `we_` attribute names are
 * refused (WebEngage drops them silently), the phone must be E.164 and dates become WebEngage's format.
 */
export function buildUser(this: IExecuteFunctions, i: number): IDataObject {
	const node = this.getNode();
	const mode = this.getNodeParameter('inputMode', i) as string;
	let user: IDataObject;
	if (mode === 'json') {
		user = { ...parseJsonObject(node, this.getNodeParameter('userJson', i), 'User JSON', i) };
	} else {
		user = {
			userId: this.getNodeParameter('userId', i, '') as string,
			...(this.getNodeParameter('additionalFields', i, {}) as IDataObject),
		};
		const attributes = keyValuesToObject(this.getNodeParameter('attributes', i, {}));
		if (Object.keys(attributes).length > 0) user.attributes = attributes;
	}
	checkIdentity(node, user, i);
	if (user.email !== undefined) user.email = readEmail(node, user.email, 'Email', i);
	for (const [key, label] of [
		['firstName', 'First Name'],
		['lastName', 'Last Name'],
		['company', 'Company'],
		['hashedEmail', 'Hashed Email'],
		['hashedPhone', 'Hashed Phone'],
	]) {
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
		for (const name of Object.keys(attributes)) {
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
