import type { ILoadOptionsFunctions } from 'n8n-workflow';

import { getTemplates, getWebhookEvents } from '../../../nodes/DotdigitalCpaas/methods/loadOptions';

/** A load-options context whose HTTP helper answers from a table and records what was asked. */
function context(answers: Record<string, unknown>, calls: string[]): ILoadOptionsFunctions {
	return {
		getNode: () => ({
			id: 'n',
			name: 'dotdigital',
			type: 'CUSTOM.dotdigitalCpaas',
			typeVersion: 1,
			position: [0, 0],
			parameters: {},
		}),
		getCredentials: async () => ({
			authMode: 'apiUser',
			region: 'r2',
			username: 'u',
			password: 'p',
		}),
		helpers: {
			httpRequestWithAuthentication: async (
				_type: string,
				options: { method: string; url: string },
			) => {
				calls.push(`${options.method} ${options.url}`);
				return { body: answers[options.url], statusCode: 200, headers: {} };
			},
		},
	} as unknown as ILoadOptionsFunctions;
}

describe('dotdigital CPaaS dropdowns', () => {
	it('lists templates by name, sorted, from the region base URL', async () => {
		const calls: string[] = [];
		const ctx = context(
			{
				'https://r2-api.dotdigital.com/cpaas/templates': [
					{ id: 'welcome', name: 'Welcome', description: 'Greeting' },
					{ id: 'alert', name: 'Alert' },
				],
			},
			calls,
		);
		expect(await getTemplates.call(ctx)).toEqual([
			{ name: 'Alert', value: 'alert', description: undefined },
			{ name: 'Welcome', value: 'welcome', description: 'Greeting' },
		]);
		expect(calls).toEqual(['GET https://r2-api.dotdigital.com/cpaas/templates']);
	});

	it('lists webhook event types from /webhooks/availableevents', async () => {
		const calls: string[] = [];
		const ctx = context(
			{
				'https://r2-api.dotdigital.com/cpaas/webhooks/availableevents': [
					{ type: 'message.sent', description: 'Sent' },
					{ type: 'message.delivered' },
					{ description: 'no type: skipped' },
				],
			},
			calls,
		);
		expect((await getWebhookEvents.call(ctx)).map((o) => o.value)).toEqual([
			'message.delivered',
			'message.sent',
		]);
	});
});
