import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { asNodeError, failedItems, requestOptionsDescription, route } from '../shared';
import { operations, resourceDescriptions } from './actions';
import { listSearch, loadOptions } from './methods';
import { ENGAGEONE_TIMEOUT_SECONDS } from './transport';

export class EngageOneCommunicate implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'EngageOne Communicate',
		name: 'engageOneCommunicate',
		icon: { light: 'file:../../icons/engageone.svg', dark: 'file:../../icons/engageone.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description: 'Send transactional campaigns and call the EngageOne Communicate APIs',
		defaults: { name: 'EngageOne Communicate' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'engageOneCommunicateApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'API Request', value: 'apiRequest' },
					{ name: 'Campaign', value: 'campaign' },
				],
				default: 'campaign',
			},
			...resourceDescriptions,
			requestOptionsDescription(ENGAGEONE_TIMEOUT_SECONDS),
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
