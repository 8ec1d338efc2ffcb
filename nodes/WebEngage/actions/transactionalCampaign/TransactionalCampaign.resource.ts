import type { INodeProperties } from 'n8n-workflow';

import * as trigger from './trigger.operation';
import * as triggerWithFallback from './triggerWithFallback.operation';

export { trigger, triggerWithFallback };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['transactionalCampaign'] } },
		options: [
			{
				name: 'Trigger',
				value: 'trigger',
				description: 'Send a running transactional campaign to one user',
				action: 'Trigger a transactional campaign',
			},
			{
				name: 'Trigger With Fallback',
				value: 'triggerWithFallback',
				description:
					'Send several transactional campaigns in order, falling back to the next one on failure',
				action: 'Trigger transactional campaigns with fallback',
			},
		],
		default: 'trigger',
	},
	...trigger.description,
	...triggerWithFallback.description,
];
