import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
import * as track from './track.operation';
import * as trackMany from './trackMany.operation';

/** event: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	track: {
		name: 'Track',
		description: 'Record an event for a user, one call per input item',
		action: 'Track an event',
		module: track,
	},
	trackMany: {
		name: 'Track Many',
		description: 'Record all input events through the bulk API, 25 per call',
		action: 'Track many events',
		module: trackMany,
	},
};

export const description = resourceDescription('event', operations, { default: 'track' });
