import type { ResourceMap } from '../../shared';
import * as apiRequest from './apiRequest/ApiRequest.resource';
import * as campaign from './campaign/Campaign.resource';

/** Every resource and operation of the node; the router dispatches through this map. */
export const operations: ResourceMap = {
	apiRequest: apiRequest.operations,
	campaign: campaign.operations,
};

export const resourceDescriptions = [...campaign.description, ...apiRequest.description];
