import type { ResourceMap } from '../../shared';
import * as broadcast from './broadcast/Broadcast.resource';
import * as conversation from './conversation/Conversation.resource';
import * as flow from './flow/Flow.resource';
import * as user from './user/User.resource';
import * as whatsappTemplate from './whatsappTemplate/WhatsappTemplate.resource';

/** Every resource and operation of the node; the router dispatches through this map. */
export const operations: ResourceMap = {
	broadcast: {
		send: broadcast.send,
		sendExternal: broadcast.sendExternal,
		sendViaWrapper: broadcast.sendViaWrapper,
	},
	conversation: { getHistory: conversation.getHistory },
	flow: { trigger: flow.trigger },
	user: { getManyByAttribute: user.getManyByAttribute },
	whatsappTemplate: { send: whatsappTemplate.send },
};

export const resourceDescriptions = [
	...broadcast.description,
	...conversation.description,
	...flow.description,
	...user.description,
	...whatsappTemplate.description,
];
