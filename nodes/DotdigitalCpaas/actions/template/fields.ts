import type { IDataObject, IExecuteFunctions } from 'n8n-workflow';

import { inputError } from '../../../shared';
import { jsonArray, requiredString } from '../common';

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
