import type { IExecuteFunctions } from 'n8n-workflow';

import { toIsoDate } from '../../../shared';

/** A required date parameter as UTC ISO-8601, named in the error when missing or invalid. */
export function dateParam(this: IExecuteFunctions, name: string, label: string, itemIndex: number): string {
	const value = this.getNodeParameter(name, itemIndex, '');
	return toIsoDate(this.getNode(), value === '' ? undefined : value, label, itemIndex);
}
