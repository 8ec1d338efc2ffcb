import type { ResourceMap } from '../../shared';
import * as broadcast from './broadcast/Broadcast.resource';
import * as conversation from './conversation/Conversation.resource';
import * as flow from './flow/Flow.resource';
import * as user from './user/User.resource';
import * as whatsappTemplate from './whatsappTemplate/WhatsappTemplate.resource';

/** Every resource and operation of the node; the router dispatches through this map. */
export const operations: ResourceMap = {
	broadcast: broadcast.operations,
	conversation: conversation.operations,
	flow: flow.operations,
	user: user.operations,
	whatsappTemplate: whatsappTemplate.operations,
};

export const resourceDescriptions = [
	...broadcast.description,
	...conversation.description,
	...flow.description,
	...user.description,
	...whatsappTemplate.description,
];
