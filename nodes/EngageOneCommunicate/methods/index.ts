/**
 * What the editor asks EngageOne for. EngageOne's API pages do not publish a path that lists
 * campaigns, projects or communications (a transactional send names its campaign, and reusing a
 * name groups the sends), so there is nothing to list yet; the folder keeps the vendor's tree the
 * same as the others'.
 */
export const listSearch = {};
export const loadOptions = {};
