import type { ResourceOperations } from '../../../shared';
import { resourceDescription } from '../../../shared';
import * as getResponse from './getResponse.operation';

/** survey: the router dispatches through this map; the Operation dropdown is built from it. */
export const operations: ResourceOperations = {
	getResponse: {
		name: 'Get Response',
		description: 'Get one on-site survey response with its answers',
		action: 'Get a survey response',
		module: getResponse,
	},
};

export const description = resourceDescription('survey', operations, { default: 'getResponse' });
