import type { INodeProperties } from 'n8n-workflow';

import * as track from './track.operation';
import * as trackMany from './trackMany.operation';

export { track, trackMany };

export const description: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['event'] } },
		options: [
			{
				name: 'Track',
				value: 'track',
				description: 'Record an event for a user, one call per input item',
				action: 'Track an event',
			},
			{
				name: 'Track Many',
				value: 'trackMany',
				description: 'Record all input events through the bulk API, 25 per call',
				action: 'Track many events',
			},
		],
		default: 'track',
	},
	...track.description,
	...trackMany.description,
];
