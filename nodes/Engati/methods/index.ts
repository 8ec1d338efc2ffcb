/**
 * What the editor asks Engati for. Engati documents no API that lists a bot's WhatsApp templates,
 * flows or users (the templates are listed only in its UI, under Broadcast > Message Templates),
 * so there is nothing to list yet; the folder keeps the vendor's tree the same as the others'.
 */
export const listSearch = {};
export const loadOptions = {};
