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
import { ENGATI_TIMEOUT_SECONDS } from './transport';

export class Engati implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Engati',
		name: 'engati',
		icon: { light: 'file:../../icons/engati.svg', dark: 'file:../../icons/engati.dark.svg' },
		group: ['output'],
		version: 1,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Look up bot users and conversations, send WhatsApp templates and broadcasts, and trigger flows in Engati',
		defaults: { name: 'Engati' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'engatiApi', required: true }],
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{ name: 'Broadcast', value: 'broadcast' },
					{ name: 'Conversation', value: 'conversation' },
					{ name: 'Flow', value: 'flow' },
					{ name: 'User', value: 'user' },
					{ name: 'WhatsApp Template', value: 'whatsappTemplate' },
				],
				default: 'user',
			},
			...resourceDescriptions,
			requestOptionsDescription(ENGATI_TIMEOUT_SECONDS),
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
