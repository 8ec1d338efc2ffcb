import type { INodeProperties } from 'n8n-workflow';

import type { ResourceMap } from '../../shared';
import * as businessEvent from './businessEvent/BusinessEvent.resource';
import * as event from './event/Event.resource';
import * as survey from './survey/Survey.resource';
import * as transactionalCampaign from './transactionalCampaign/TransactionalCampaign.resource';
import * as user from './user/User.resource';

/** Every resource and operation of the node; the router dispatches through this map. */
export const operations: ResourceMap = {
	businessEvent: businessEvent.operations,
	event: event.operations,
	survey: survey.operations,
	transactionalCampaign: transactionalCampaign.operations,
	user: user.operations,
};

/** The Resource dropdown, in alphabetical order. */
export const resourceOptions = [
	{ name: 'Business Event', value: 'businessEvent' },
	{ name: 'Event', value: 'event' },
	{ name: 'Survey', value: 'survey' },
	{ name: 'Transactional Campaign', value: 'transactionalCampaign' },
	{ name: 'User', value: 'user' },
];

export const resourceDescriptions: INodeProperties[] = [
	...businessEvent.description,
	...event.description,
	...survey.description,
	...transactionalCampaign.description,
	...user.description,
];
