import type {
	IExecuteFunctions,
	INodeExecutionData,
	INodeType,
	INodeTypeDescription,
} from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { asNodeError, failedItems, requestOptionsDescription, route } from '../shared';
import { operations, resourceDescriptions, resourceProperty } from './actions';
import { DOTDIGITAL_TIMEOUT_SECONDS } from './transport';
import { listSearch, loadOptions } from './methods';

export class DotdigitalCpaas implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'dotdigital CPaaS',
		name: 'dotdigitalCpaas',
		icon: {
			light: 'file:../../icons/dotdigital.svg',
			dark: 'file:../../icons/dotdigital.dark.svg',
		},
		group: ['output'],
		// Version 2: large reads (profiles, chats, conversations, templates, webhooks) return the
		// simplified record by default, and chat and conversation messages' Get Many returns one item
		// per message with Return All / Limit; version 1 (saved workflows) keeps the raw record and the
		// one-page answer.
		version: [1, 2],
		defaultVersion: 2,
		subtitle: '={{$parameter["operation"] + ": " + $parameter["resource"]}}',
		description:
			'Send SMS, WhatsApp, push and other messages and manage profiles in dotdigital CPaaS',
		defaults: { name: 'dotdigital CPaaS' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'dotdigitalCpaasApi', required: true }],
		properties: [
			resourceProperty,
			...resourceDescriptions,
			requestOptionsDescription(DOTDIGITAL_TIMEOUT_SECONDS),
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
