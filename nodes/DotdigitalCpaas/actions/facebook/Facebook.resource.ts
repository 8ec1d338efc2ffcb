import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
import * as createMetadata from './createMetadata.operation';

/** facebook: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	createMetadata: {
		name: 'Create Metadata',
		description:
			'Create the encrypted metadata that links a Facebook Messenger ID to a profile (Send to Messenger data-ref)',
		action: 'Create Facebook Messenger metadata',
		module: createMetadata,
	},
};

export const description = resourceDescription('facebook', operations, {
	default: 'createMetadata',
});
