import type { IExecuteFunctions } from 'n8n-workflow';

import { DotdigitalCpaasApi } from '../../../credentials/DotdigitalCpaasApi.credentials';
import { buildMessage, toVendorPhone } from '../../../nodes/DotdigitalCpaas/actions/message/fields';
import { dotdigitalBaseUrl } from '../../../nodes/DotdigitalCpaas/transport';

const fakeNode = {
	id: 'n',
	name: 'dotdigital',
	type: 'CUSTOM.dotdigitalCpaas',
	typeVersion: 1,
	position: [0, 0] as [number, number],
	parameters: {},
};

/** Just enough of IExecuteFunctions for the field builders. */
function context(parameters: Record<string, unknown>): IExecuteFunctions {
	return {
		getNode: () => fakeNode,
		getNodeParameter: (name: string, _i: number, fallback?: unknown) =>
			name in parameters ? parameters[name] : fallback,
	} as unknown as IExecuteFunctions;
}

describe('dotdigital CPaaS base URL per credential mode', () => {
	it('uses the region host under /cpaas for an API user', () => {
		expect(dotdigitalBaseUrl({ authMode: 'apiUser', region: 'r2' })).toBe(
			'https://r2-api.dotdigital.com/cpaas',
		);
		// An unknown region is an error naming the field, not a silent fall-back to r1.
		expect(() => dotdigitalBaseUrl({ authMode: 'apiUser', region: 'r9' })).toThrow(
			/"Region" is "r9".*r1, r2, r3/,
		);
	});

	it('uses the legacy API space path for a token', () => {
		expect(dotdigitalBaseUrl({ authMode: 'apiSpaceToken', apiSpaceId: ' abc/def ' })).toBe(
			'https://api.comapi.com/apispaces/abc%2Fdef',
		);
	});

	it('uses a custom base URL as given, without a trailing slash', () => {
		expect(
			dotdigitalBaseUrl({
				authMode: 'apiUser',
				region: 'r1',
				customBaseUrl: 'http://127.0.0.1:9/cpaas/',
			}),
		).toBe('http://127.0.0.1:9/cpaas');
	});
});

describe('dotdigital CPaaS credential', () => {
	const credential = new DotdigitalCpaasApi();

	it('sends HTTP Basic for an API user', async () => {
		const options = await credential.authenticate(
			{ authMode: 'apiUser', username: 'u', password: 'p' },
			{ url: '/x', headers: {} },
		);
		expect(options.auth).toEqual({ username: 'u', password: 'p' });
		expect(options.headers?.Authorization).toBeUndefined();
	});

	it('sends a Bearer token for an API space', async () => {
		const options = await credential.authenticate(
			{ authMode: 'apiSpaceToken', accessToken: 't0k' },
			{ url: '/x', headers: { a: 'b' } },
		);
		expect(options.headers).toEqual({ a: 'b', Authorization: 'Bearer t0k' });
		expect(options.auth).toBeUndefined();
	});
});

describe('One API send request', () => {
	it('normalises phone numbers to international digits', () => {
		const ctx = context({});
		expect(toVendorPhone.call(ctx, '+44 (0) 7123-123123'.replace('(0) ', ''), 0)).toBe(
			'447123123123',
		);
		expect(toVendorPhone.call(ctx, '0044 7123 123123', 0)).toBe('447123123123');
		expect(() => toVendorPhone.call(ctx, 'not-a-phone', 3)).toThrow(
			/Phone Number.*not-a-phone.*\[item 3\]/,
		);
	});

	it('builds to, rules, body and the JSON fields', () => {
		const message = buildMessage.call(
			context({
				toType: 'profileId',
				profileId: 'p-1',
				rules: ['whatsApp', 'sms'],
				body: 'Hi',
				additionalFields: {
					metadata: '{"a": 1}',
					channelOptions: { sms: { from: 'Shop' } },
					expiresOn: '2030-01-01T00:00:00Z',
				},
			}),
			0,
		);
		expect(message).toEqual({
			to: { profileId: 'p-1' },
			rules: ['whatsApp', 'sms'],
			body: 'Hi',
			metadata: { a: 1 },
			channelOptions: { sms: { from: 'Shop' } },
			expiresOn: '2030-01-01T00:00:00.000Z',
		});
	});

	it('refuses a custom body and channel options for the same channel, naming both fields', () => {
		const ctx = context({
			toType: 'email',
			email: 'a@example.com',
			rules: ['sms'],
			body: 'Hi',
			additionalFields: {
				customBody: '{"sms": {"body": "x"}}',
				channelOptions: '{"sms": {"from": "y"}}',
			},
		});
		expect(() => buildMessage.call(ctx, 2)).toThrow(
			/Custom Body.*Channel Options.*sms.*\[item 2\]/,
		);
	});

	it('refuses a message without body, template or custom body', () => {
		const ctx = context({
			toType: 'email',
			email: 'a@example.com',
			rules: ['sms'],
			body: '',
			additionalFields: {},
		});
		expect(() => buildMessage.call(ctx, 0)).toThrow(/"Body" is required/);
	});

	it('refuses an empty channel list and a bad email', () => {
		expect(() =>
			buildMessage.call(
				context({ toType: 'email', email: 'a@example.com', rules: [], body: 'x' }),
				0,
			),
		).toThrow(/at least one channel/);
		expect(() =>
			buildMessage.call(context({ toType: 'email', email: 'nope', rules: ['sms'], body: 'x' }), 0),
		).toThrow(/"Email" is not an email/);
	});
});
