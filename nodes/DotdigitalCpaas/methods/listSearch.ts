import type {
	IDataObject,
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';

import { searchInList } from '../../shared';
import { dotdigitalRequest } from '../transport';

/** Profiles per page of the profile search (the API pages with `$skip` / `$limit`). */
export const PROFILE_SEARCH_PAGE = 50;

function asList(body: unknown): IDataObject[] {
	return Array.isArray(body) ? (body as IDataObject[]) : [];
}

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value : undefined);

/** Entries with an ID, named by their name (or ID) and, where known, a second detail. */
function items(list: IDataObject[], name: (entry: IDataObject) => string): INodeListSearchItems[] {
	return list
		.filter((entry) => entry.id !== undefined && entry.id !== null && entry.id !== '')
		.map((entry) => ({ name: name(entry), value: String(entry.id) }));
}

/** Templates of the API space (`GET /templates` returns them all). */
export async function searchTemplates(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const list = asList(await dotdigitalRequest.call(this, { method: 'GET', path: '/templates' }));
	return searchInList(
		items(list, (t) => text(t.name) ?? String(t.id)),
		filter,
	);
}

/** Webhook configurations (`GET /webhooks`, active ones), named by name and target URL. */
export async function searchWebhooks(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const list = asList(await dotdigitalRequest.call(this, { method: 'GET', path: '/webhooks' }));
	return searchInList(
		items(list, (w) => {
			const name = text(w.name) ?? String(w.id);
			return text(w.url) ? `${name} (${String(w.url)})` : name;
		}),
		filter,
	);
}

/** Open chats of the whole API space (`GET /chats?scope=all`). */
export async function searchChats(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const list = asList(
		await dotdigitalRequest.call(this, { method: 'GET', path: '/chats', qs: { scope: 'all' } }),
	);
	return searchInList(
		items(list, (c) => {
			const name = text(c.name) ?? String(c.id);
			return text(c.status) ? `${name} (${String(c.status)})` : name;
		}),
		filter,
	);
}

/** Conversations (`GET /conversations`, the API's default scope). */
export async function searchConversations(
	this: ILoadOptionsFunctions,
	filter?: string,
): Promise<INodeListSearchResult> {
	const list = asList(
		await dotdigitalRequest.call(this, { method: 'GET', path: '/conversations' }),
	);
	return searchInList(
		items(list, (c) => text(c.name) ?? String(c.id)),
		filter,
	);
}

/** Characters that mongo-querystring or a regex would read as operators: dropped from a search. */
const QUERY_OPERATORS = /[\\^$*+?()[\]{}|!<>=~,&#]/g;

/**
 * The profile filter for a search text: an email address starts with it (`email=^text`), a phone
 * number starts with its digits (`phoneNumber=^digits`), anything else is the start of the profile
 * ID (`id=^text`). mongo-querystring's `^` is "starts with", case-insensitive.
 */
export function profileSearchQuery(filter: string | undefined): IDataObject {
	const raw = (filter ?? '').trim();
	if (!raw) return {};
	if (raw.includes('@')) return { email: `^${raw.replace(QUERY_OPERATORS, '')}` };
	const digits = raw.replace(/[\s.\-()+]/g, '');
	if (/^\d{3,}$/.test(digits)) return { phoneNumber: `^${digits}` };
	const id = raw.replace(QUERY_OPERATORS, '');
	return id ? { id: `^${id}` } : {};
}

/**
 * Profiles, one page of `PROFILE_SEARCH_PAGE` per call (`$skip` / `$limit`; the pagination token is
 * the next `$skip`), searched on the server by email, phone number or ID (`profileSearchQuery`).
 */
export async function searchProfiles(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const skip = Math.max(0, Number(paginationToken ?? 0) || 0);
	const list = asList(
		await dotdigitalRequest.call(this, {
			method: 'GET',
			path: '/profiles',
			qs: { ...profileSearchQuery(filter), $skip: skip, $limit: PROFILE_SEARCH_PAGE },
		}),
	);
	const results = items(list, (p) => {
		const person = [text(p.firstName), text(p.lastName)].filter(Boolean).join(' ');
		const contact = text(p.email) ?? text(p.phoneNumber);
		const label = [person, contact].filter(Boolean).join(', ');
		return label ? `${label} (${String(p.id)})` : String(p.id);
	});
	return {
		results,
		paginationToken: list.length === PROFILE_SEARCH_PAGE ? String(skip + list.length) : undefined,
	};
}
