import type { ResourceMap } from '../../shared';
import * as user from './user/User.resource';

/** Every resource and operation of the node; the router dispatches through this map. */
export const operations: ResourceMap = {
	user: { upsert: user.upsert, upsertMany: user.upsertMany },
};

export const resourceDescriptions = [...user.description];
