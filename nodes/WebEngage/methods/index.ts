/**
 * What the editor asks WebEngage for. WebEngage documents no API that lists campaigns, events or
 * users, so the Campaign ID locator has "By ID" only (checked against the campaign ID pattern) and
 * there is nothing to list yet; the folder keeps the vendor's tree the same as the others'.
 */
export const listSearch = {};
export const loadOptions = {};
