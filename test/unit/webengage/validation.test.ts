import type { IExecuteFunctions, INode } from 'n8n-workflow';

import { buildEvent } from '../../../nodes/WebEngage/actions/event/fields';
import { buildDelivery } from '../../../nodes/WebEngage/actions/transactionalCampaign/fields';
import { buildUser } from '../../../nodes/WebEngage/actions/user/fields';

const NODE: INode = {
	id: 'we-1',
	name: 'WebEngage',
	type: 'CUSTOM.webEngage',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

/** Just enough of IExecuteFunctions for the field builders: parameters per item. */
function context(
	perItem: Array<Record<string, unknown>>,
	executionId = 'exec-1',
): IExecuteFunctions {
	return {
		getNode: () => NODE,
		getExecutionId: () => executionId,
		getNodeParameter: (name: string, i: number, fallback?: unknown) => {
			const value = perItem[i][name];
			if (value === undefined && fallback === undefined)
				throw new Error(`parameter ${name} not set`);
			return value ?? fallback;
		},
	} as unknown as IExecuteFunctions;
}

describe('buildUser', () => {
	it('converts phone and birth date and drops empty fields', () => {
		const ctx = context([
			{
				inputMode: 'fields',
				userId: 'u-1',
				additionalFields: {
					phone: '+44 20 7946 0958',
					birthDate: '1990-05-21T10:00:00+05:30',
					company: '',
				},
				attributes: { values: [{ key: 'plan', value: 'gold' }] },
			},
		]);
		expect(buildUser.call(ctx, 0)).toEqual({
			userId: 'u-1',
			phone: '+442079460958',
			birthDate: '1990-05-21T10:00:00+0530',
			attributes: { plan: 'gold' },
		});
	});

	it.each([
		[{ inputMode: 'fields', userId: '' }, /"User ID" or "Anonymous ID" is required \[item 0\]/],
		[
			{ inputMode: 'fields', userId: 'u', additionalFields: { phone: '12ab' } },
			/"Phone" is not an E\.164 phone number: "12ab" \[item 0\]/,
		],
		[
			{ inputMode: 'fields', userId: 'u', additionalFields: { birthDate: 'soon' } },
			/"Birth Date" is not a date/,
		],
		[
			{ inputMode: 'fields', userId: 'u', attributes: { values: [{ key: 'we_x', value: '1' }] } },
			/reserved prefix "we_"/,
		],
		[{ inputMode: 'fields', userId: 'x'.repeat(101) }, /longer than 100 characters/],
		[{ inputMode: 'json', userJson: '{"userId": ' }, /"User JSON" is not valid JSON/],
		[
			{ inputMode: 'fields', userId: { id: 1 } },
			/"User ID" must be text, got an object \[item 0\]/,
		],
		[
			{ inputMode: 'fields', userId: 'u', additionalFields: { email: 'a@b' } },
			/"Email" is not an email address: "a@b" \[item 0\]/,
		],
		[
			{
				inputMode: 'fields',
				userId: 'u',
				attributes: { values: [{ key: 'note', value: 'a\u0000' }] },
			},
			/"Custom Attributes" contains a control character/,
		],
		[
			{ inputMode: 'fields', userId: 'u', additionalFields: { birthDate: '2026-02-30' } },
			/"Birth Date" is not a date: "2026-02-30"/,
		],
	])('refuses %j', (params, message) => {
		expect(() => buildUser.call(context([params]), 0)).toThrow(message);
	});
});

describe('buildEvent', () => {
	it('builds an event from fields with key/value data and a converted time', () => {
		const ctx = context([
			{
				inputMode: 'fields',
				userId: 'u-1',
				eventName: ' Added to Cart ',
				additionalFields: { eventTime: '2018-09-15T18:29:00-08:00' },
				eventDataMode: 'keyValue',
				eventDataValues: { values: [{ key: 'Price', value: 39.8 }] },
			},
		]);
		expect(buildEvent.call(ctx, 0)).toEqual({
			userId: 'u-1',
			eventName: 'Added to Cart',
			eventTime: '2018-09-15T18:29:00-0800',
			eventData: { Price: 39.8 },
		});
	});

	it.each([
		[
			{ inputMode: 'fields', userId: 'u', eventName: 'we_login' },
			/reserved prefix "we_" \[item 0\]/,
		],
		[{ inputMode: 'fields', userId: 'u', eventName: 'x'.repeat(50) }, /shorter than 50 characters/],
		[{ inputMode: 'fields', userId: 'u', eventName: '' }, /"Event Name" is required/],
		[
			{ inputMode: 'fields', userId: '', eventName: 'Opened' },
			/"User ID" or "Anonymous ID" is required/,
		],
		[
			{ inputMode: 'json', eventJson: { userId: 'u', eventName: 'Paid', eventData: [1] } },
			/"Event Data" must be an object/,
		],
		[
			{
				inputMode: 'fields',
				userId: 'u',
				eventName: 'Opened',
				eventDataMode: 'json',
				eventDataJson: '[1]',
			},
			/must be a JSON object/,
		],
	])('refuses %j', (params, message) => {
		expect(() => buildEvent.call(context([params]), 0)).toThrow(message);
	});
});

describe('buildDelivery (transactional campaigns)', () => {
	const params = {
		userId: 'peter',
		additionalFields: { phone: '+91 98765 43210', ttl: 60 },
		tokensMode: 'json',
		tokensJson: '{"a": 1}',
	};

	it('derives the same txnId for the same execution and item, and another for another item', () => {
		const ctx = context([params, params]);
		const first = buildDelivery.call(ctx, 0, '~c1');
		expect(buildDelivery.call(ctx, 0, '~c1').txnId).toBe(first.txnId);
		expect(buildDelivery.call(ctx, 1, '~c1').txnId).not.toBe(first.txnId);
		expect(buildDelivery.call(context([params], 'exec-2'), 0, '~c1').txnId).not.toBe(first.txnId);
		expect(first).toMatchObject({
			userId: 'peter',
			ttl: 60,
			overrideData: { phone: '+919876543210', context: { token: { a: 1 } } },
		});
	});

	it('keeps a txnId the user gives and refuses a bad override phone', () => {
		expect(
			buildDelivery.call(context([{ userId: 'p', additionalFields: { txnId: 'T-1' } }]), 0).txnId,
		).toBe('T-1');
		expect(() =>
			buildDelivery.call(context([{ userId: 'p', additionalFields: { phone: '555' } }]), 0),
		).toThrow(/"Override Phone"/);
	});
});
