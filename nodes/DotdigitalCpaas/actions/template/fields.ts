import type { IDataObject, IExecuteFunctions, INodeProperties } from 'n8n-workflow';

import { inputError } from '../../../shared';
import { jsonArray, jsonField, requiredString } from '../common';

/** The template's content fields, shared by Create and Update. */
export const templateContentFields: INodeProperties[] = [
	{
		displayName: 'Name',
		name: 'name',
		type: 'string',
		required: true,
		default: '',
		placeholder: 'e.g. Order confirmation',
		description: 'Name of the template, as the template picker lists it',
	},
	jsonField(
		'messageParts',
		'Message Parts (JSON)',
		'Parts of the template, each with a MIME type and data or url',
		'[\n  { "type": "text/plain", "data": "Hello {{profile.firstName}}" }\n]',
		true,
	),
	{
		displayName: 'Description',
		name: 'templateDescription',
		type: 'string',
		default: '',
		description: 'Free text saying what the template is for',
	},
];

/** A template body: Create may name the new ID, Update replaces name, description and parts. */
export function buildTemplate(
	this: IExecuteFunctions,
	itemIndex: number,
	creating: boolean,
): IDataObject {
	const template: IDataObject = {
		name: requiredString.call(this, 'name', 'Name', itemIndex),
		messageParts: jsonArray.call(this, 'messageParts', 'Message Parts (JSON)', itemIndex),
	};
	const description = String(this.getNodeParameter('templateDescription', itemIndex, '') ?? '');
	if (description) template.description = description;
	if (creating) {
		const id = String(this.getNodeParameter('newTemplateId', itemIndex, '') ?? '').trim();
		if (id && !/^[A-Za-z0-9_-]+$/.test(id)) {
			throw inputError(
				this.getNode(),
				`"Template ID" may hold only letters, digits, - and _: "${id}"`,
				{ itemIndex },
			);
		}
		if (id) template.id = id;
	}
	return template;
}
