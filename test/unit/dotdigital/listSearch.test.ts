import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { DotdigitalCpaas } from '../../../nodes/DotdigitalCpaas/DotdigitalCpaas.node';
import {
	profileSearchQuery,
	PROFILE_SEARCH_PAGE,
	searchChats,
	searchConversations,
	searchProfiles,
	searchTemplates,
	searchWebhooks,
} from '../../../nodes/DotdigitalCpaas/methods/listSearch';
import { DotdigitalCpaasTrigger } from '../../../nodes/DotdigitalCpaasTrigger/DotdigitalCpaasTrigger.node';
import { getWebhookEvents } from '../../../nodes/DotdigitalCpaas/methods/loadOptions';

const BASE = 'https://r1-api.dotdigital.com/cpaas';

interface Call {
	method: string;
	url: string;
	qs?: Record<string, unknown>;
}

/** A load-options context whose HTTP helper answers from `answer` and records each request. */
function context(answer: (call: Call) => unknown, calls: Call[]): ILoadOptionsFunctions {
	return {
		getNode: () => ({
			id: 'n',
			name: 'dotdigital',
			type: 'CUSTOM.dotdigitalCpaas',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
		getNodeParameter: () => undefined,
		getCredentials: async () => ({
			authMode: 'apiUser',
			region: 'r1',
			username: 'u',
			password: 'p',
		}),
		helpers: {
			httpRequestWithAuthentication: async (_type: string, options: Call) => {
				const call = { method: options.method, url: options.url, qs: options.qs };
				calls.push(call);
				return { body: answer(call), statusCode: 200, headers: {} };
			},
		},
	} as unknown as ILoadOptionsFunctions;
}

describe('dotdigital CPaaS list searches (resource locators, "From list")', () => {
	it('every searchListMethod a locator names is a listSearch method of the node', () => {
		const node = new DotdigitalCpaas();
		const named = new Set<string>();
		const walk = (value: unknown): void => {
			if (Array.isArray(value)) value.forEach(walk);
			else if (value && typeof value === 'object') {
				const record = value as Record<string, unknown>;
				if (typeof record.searchListMethod === 'string') named.add(record.searchListMethod);
				Object.values(record).forEach(walk);
			}
		};
		walk(node.description.properties);
		expect([...named].sort()).toEqual(Object.keys(node.methods.listSearch).sort());
	});

	it('templates: named by name, filtered by name or ID, sorted', async () => {
		const calls: Call[] = [];
		const ctx = context(
			() => [
				{ id: 'welcome', name: 'Welcome' },
				{ id: 'order-confirmation', name: 'Order confirmation' },
				{ name: 'no id: skipped' },
			],
			calls,
		);
		expect(await searchTemplates.call(ctx)).toEqual({
			results: [
				{ name: 'Order confirmation', value: 'order-confirmation' },
				{ name: 'Welcome', value: 'welcome' },
			],
		});
		expect((await searchTemplates.call(ctx, 'WELC')).results).toEqual([
			{ name: 'Welcome', value: 'welcome' },
		]);
		expect((await searchTemplates.call(ctx, 'order-conf')).results).toHaveLength(1);
		expect(calls[0]).toMatchObject({ method: 'GET', url: `${BASE}/templates` });
	});

	it('webhooks, chats and conversations: from their list endpoints', async () => {
		const calls: Call[] = [];
		const ctx = context(({ url }) => {
			if (url.endsWith('/webhooks')) return [{ id: 'w1', name: 'crm', url: 'https://crm.test/h' }];
			if (url.endsWith('/chats')) return [{ id: 'c1', name: 'Help', status: 'new' }, { id: 'c2' }];
			return [{ id: 'conv-1', name: 'Support' }];
		}, calls);
		expect((await searchWebhooks.call(ctx)).results).toEqual([
			{ name: 'crm (https://crm.test/h)', value: 'w1' },
		]);
		expect((await searchChats.call(ctx)).results).toEqual([
			{ name: 'c2', value: 'c2' },
			{ name: 'Help (new)', value: 'c1' },
		]);
		expect((await searchConversations.call(ctx, 'supp')).results).toEqual([
			{ name: 'Support', value: 'conv-1' },
		]);
		expect(calls.map((c) => `${c.method} ${c.url}`)).toEqual([
			`GET ${BASE}/webhooks`,
			`GET ${BASE}/chats`,
			`GET ${BASE}/conversations`,
		]);
		// Chats of the whole API space, not of one profile.
		expect(calls[1].qs).toEqual({ scope: 'all' });
	});

	it('profiles: searched on the server, one page at a time with $skip / $limit', async () => {
		const calls: Call[] = [];
		const all = Array.from({ length: PROFILE_SEARCH_PAGE + 3 }, (_, n) => ({
			id: `p${String(n).padStart(3, '0')}`,
			email: `p${n}@example.com`,
			firstName: n === 0 ? 'Jane' : undefined,
		}));
		const ctx = context(({ qs }) => {
			const skip = Number(qs?.$skip);
			return all.slice(skip, skip + Number(qs?.$limit));
		}, calls);
		const first = await searchProfiles.call(ctx);
		expect(first.results).toHaveLength(PROFILE_SEARCH_PAGE);
		expect(first.results[0]).toEqual({ name: 'Jane, p0@example.com (p000)', value: 'p000' });
		expect(first.paginationToken).toBe(String(PROFILE_SEARCH_PAGE));
		const second = await searchProfiles.call(ctx, undefined, first.paginationToken as string);
		expect(second.results).toHaveLength(3);
		expect(second.paginationToken).toBeUndefined();
		expect(calls.map((c) => c.qs)).toEqual([
			{ $skip: 0, $limit: PROFILE_SEARCH_PAGE },
			{ $skip: PROFILE_SEARCH_PAGE, $limit: PROFILE_SEARCH_PAGE },
		]);
		await searchProfiles.call(ctx, 'jane@');
		expect(calls[2].qs).toEqual({ email: '^jane@', $skip: 0, $limit: PROFILE_SEARCH_PAGE });
	});

	it('profile search text: email, phone digits or ID prefix, operators dropped', () => {
		expect(profileSearchQuery('')).toEqual({});
		expect(profileSearchQuery(' Jane.Doe@example.com ')).toEqual({
			email: '^Jane.Doe@example.com',
		});
		expect(profileSearchQuery('+44 7700 900')).toEqual({ phoneNumber: '^447700900' });
		expect(profileSearchQuery('cust-42')).toEqual({ id: '^cust-42' });
		expect(profileSearchQuery('a>b|c*')).toEqual({ id: '^abc' });
		expect(profileSearchQuery('^$')).toEqual({});
	});

	it('the trigger lists events with the node own getWebhookEvents', () => {
		expect(new DotdigitalCpaasTrigger().methods.loadOptions.getWebhookEvents).toBe(
			getWebhookEvents,
		);
	});
});
