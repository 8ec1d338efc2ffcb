import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { asNodeError, failedItems, requestOptionsDescription, route } from '../shared';
import { operations, resourceDescriptions, resourceOptions } from './actions';
import { listSearch, loadOptions } from './methods';
import { WEBENGAGE_TIMEOUT_SECONDS } from './transport';

export class WebEngage implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'WebEngage',
		name: 'webEngage',
		icon: { light: 'file:../../icons/webengage.svg', dark: 'file:../../icons/webengage.dark.svg' },
		group: ['output'],
		// Version 2: Survey → Get Response returns the simplified response by default; version 1
		// (saved workflows) keeps returning the raw one.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Track users and events and trigger campaigns in WebEngage',
		defaults: { name: 'WebEngage' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'webEngageApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: resourceOptions,
				default: 'user',
			},
			...resourceDescriptions,
			requestOptionsDescription(WEBENGAGE_TIMEOUT_SECONDS),
		],
	};

	methods = { listSearch, loadOptions };

	async execute(this: IExecuteFunctions): Promise<INodeExecutionData[][]> {
		try {
			return await route.call(this, operations);
		} catch (error) {
			// Items fail one by one inside the operations; this catches what fails around them.
			if (this.continueOnFail()) return failedItems.call(this, error);
			throw asNodeError(this.getNode(), error);
		}
	}
}
