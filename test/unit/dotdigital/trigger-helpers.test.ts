import { createHmac } from 'node:crypto';

import {
	eventKey,
	filterByName,
	inOrder,
	RecentEvents,
	readDelivery,
} from '../../../nodes/DotdigitalCpaasTrigger/events';
import {
	credentialKeyMaterial,
	deriveWebhookSecret,
} from '../../../nodes/DotdigitalCpaasTrigger/secret';
import {
	computeSignature,
	isValidSignature,
} from '../../../nodes/DotdigitalCpaasTrigger/signature';

const secret = 'f946b0e7-5fe9-4f57-9d8f-62b3ac0b4a13';
const body = '{"eventId":"e1","name":"message.sent"}';
// Computed independently of the helper: what dotdigital's samples do (hexdigest of HMAC-SHA1).
const vendorSignature = createHmac('sha1', secret).update(body, 'utf8').digest('hex');

describe('signature', () => {
	it('is the lowercase hex HMAC-SHA1 of the raw body', () => {
		expect(computeSignature(secret, body)).toBe(vendorSignature);
		expect(vendorSignature).toMatch(/^[0-9a-f]{40}$/);
	});

	it('accepts the vendor signature for a Buffer or string body, in either hex case', () => {
		expect(isValidSignature(secret, Buffer.from(body), vendorSignature)).toBe(true);
		expect(isValidSignature(secret, body, [vendorSignature])).toBe(true);
		expect(isValidSignature(secret, body, vendorSignature.toUpperCase())).toBe(true);
	});

	it('refuses a missing, wrong, truncated or differently keyed signature', () => {
		expect(isValidSignature(secret, body, undefined)).toBe(false);
		expect(isValidSignature(secret, body, '')).toBe(false);
		expect(isValidSignature(secret, body, vendorSignature.slice(0, 39))).toBe(false);
		expect(isValidSignature(secret, body, `${vendorSignature}0`)).toBe(false);
		expect(
			isValidSignature(secret, body, createHmac('sha1', 'other').update(body).digest('hex')),
		).toBe(false);
		expect(isValidSignature(secret, `${body} `, vendorSignature)).toBe(false);
		expect(
			isValidSignature(secret, body, createHmac('sha256', secret).update(body).digest('hex')),
		).toBe(false);
	});

	it('refuses everything when no secret is stored or the body is missing', () => {
		expect(isValidSignature(undefined, body, vendorSignature)).toBe(false);
		expect(isValidSignature('', body, createHmac('sha1', '').update(body).digest('hex'))).toBe(
			false,
		);
		expect(isValidSignature(secret, undefined, vendorSignature)).toBe(false);
	});
});

describe('readDelivery and filterByName', () => {
	it('turns one event or a batch into a list of events, counting the entries that are not events', () => {
		expect(readDelivery({ eventId: 'a' })).toEqual({
			valid: true,
			events: [{ eventId: 'a' }],
			invalid: 0,
		});
		expect(readDelivery({ name: 'message.sent' }).events).toEqual([{ name: 'message.sent' }]);
		expect(
			readDelivery([{ eventId: 'a' }, 3, null, [1], {}, { eventId: ' ' }, { eventId: 'b' }]),
		).toEqual({ valid: true, events: [{ eventId: 'a' }, { eventId: 'b' }], invalid: 5 });
		expect(readDelivery([])).toEqual({ valid: true, events: [], invalid: 0 });
		for (const body of ['text', null, 42, {}, { payload: {} }])
			expect(readDelivery(body)).toEqual({ valid: false, events: [], invalid: 1 });
	});

	it('keeps only the named events, or all when no names are given', () => {
		const events = [{ name: 'message.sent' }, { name: 'message.failed' }, { other: 1 }];
		expect(filterByName(events, [])).toEqual(events);
		expect(filterByName(events, [' ', ''])).toEqual(events);
		expect(filterByName(events, ['message.failed'])).toEqual([{ name: 'message.failed' }]);
	});
});

describe('RecentEvents (one process)', () => {
	it('claims an eventId once, also inside one batch; events without one always pass', () => {
		const recent = new RecentEvents(100);
		expect(
			recent.claim([{ eventId: 'a' }, { eventId: 'b' }, { eventId: 'a' }, { name: 'x' }], 100),
		).toEqual([true, true, false, true]);
		expect(recent.claim([{ eventId: 'b' }, { eventId: 'c' }, { eventId: 7 }], 100)).toEqual([
			false,
			true,
			true,
		]);
		expect(eventKey({ eventId: 7 })).toBe('7');
		expect(eventKey({ eventId: { x: 1 } })).toBe('');
	});

	it('keeps at most the newest `capacity` IDs, and nothing with capacity 0', () => {
		const recent = new RecentEvents(2);
		recent.claim([{ eventId: 'old1' }, { eventId: 'old2' }, { eventId: 'new' }], 2);
		expect(recent.size).toBe(2);
		expect(recent.claim([{ eventId: 'old1' }, { eventId: 'new' }], 2)).toEqual([true, false]);
		const off = new RecentEvents(0);
		expect(off.claim([{ eventId: 'a' }, { eventId: 'a' }], 0)).toEqual([true, true]);
		expect(off.size).toBe(0);
	});
});

describe('inOrder', () => {
	it('runs the tasks of one key one after another, and of different keys side by side', async () => {
		const log: string[] = [];
		const task = (name: string, ms: number) => async () => {
			log.push(`start ${name}`);
			await new Promise((r) => setTimeout(r, ms));
			log.push(`end ${name}`);
			return name;
		};
		const results = await Promise.all([
			inOrder('k', task('a', 20)),
			inOrder('k', task('b', 1)),
			inOrder('other', task('c', 1)),
		]);
		expect(results).toEqual(['a', 'b', 'c']);
		expect(log.indexOf('end a')).toBeLessThan(log.indexOf('start b'));
		expect(log.indexOf('start c')).toBeLessThan(log.indexOf('end a'));
	});

	it('goes on after a failed task', async () => {
		const failed = inOrder('k2', async () => {
			throw new Error('boom');
		});
		await expect(failed).rejects.toThrow('boom');
		await expect(inOrder('k2', async () => 'next')).resolves.toBe('next');
	});
});

describe('deriveWebhookSecret', () => {
	const apiUser = { authMode: 'apiUser', username: 'u@example.com', password: 'pw-1' };
	const identity = { workflowId: 'wf1', nodeWebhookId: 'hook-uuid', nonce: 'n1' };

	it('is HMAC-SHA256 of the identity keyed with the credential secret, as 64 hex characters', () => {
		const expected = createHmac('sha256', 'u@example.com\npw-1')
			.update('n8n-nodes-engagement/dotdigital-cpaas-trigger/webhook-secret/v1\nwf1\nhook-uuid\nn1')
			.digest('hex');
		expect(deriveWebhookSecret(apiUser, identity)).toBe(expected);
		expect(expected).toMatch(/^[0-9a-f]{64}$/);
	});

	it('differs per credential secret, workflow, webhook and activation', () => {
		const base = deriveWebhookSecret(apiUser, identity);
		expect(deriveWebhookSecret({ ...apiUser, password: 'pw-2' }, identity)).not.toBe(base);
		expect(deriveWebhookSecret(apiUser, { ...identity, workflowId: 'wf2' })).not.toBe(base);
		expect(deriveWebhookSecret(apiUser, { ...identity, nodeWebhookId: 'other' })).not.toBe(base);
		expect(deriveWebhookSecret(apiUser, { ...identity, nonce: 'n2' })).not.toBe(base);
		const token = { authMode: 'apiSpaceToken', apiSpaceId: 'space', accessToken: 'tok' };
		expect(credentialKeyMaterial(token)).toBe('space\ntok');
		expect(deriveWebhookSecret(token, identity)).toMatch(/^[0-9a-f]{64}$/);
	});

	it('is undefined without credential secret or identity, so no signature can be valid', () => {
		expect(deriveWebhookSecret(undefined, identity)).toBeUndefined();
		expect(deriveWebhookSecret({ ...apiUser, password: '' }, identity)).toBeUndefined();
		expect(deriveWebhookSecret(apiUser, { ...identity, nonce: undefined })).toBeUndefined();
		expect(deriveWebhookSecret(apiUser, { ...identity, workflowId: undefined })).toBeUndefined();
	});
});
