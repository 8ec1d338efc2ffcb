import {
	searchChats,
	searchConversations,
	searchProfiles,
	searchTemplates,
	searchWebhooks,
} from './listSearch';

export * as loadOptions from './loadOptions';

/** The "From list" searches of the node's resource locators. */
export const listSearch = {
	searchChats,
	searchConversations,
	searchProfiles,
	searchTemplates,
	searchWebhooks,
};
