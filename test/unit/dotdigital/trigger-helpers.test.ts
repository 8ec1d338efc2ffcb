import { createHmac } from 'node:crypto';

import { dedupeEvents, filterByName, splitEvents } from '../../../nodes/DotdigitalCpaasTrigger/events';
import { computeSignature, isValidSignature } from '../../../nodes/DotdigitalCpaasTrigger/signature';

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
		expect(isValidSignature(secret, body, createHmac('sha1', 'other').update(body).digest('hex'))).toBe(false);
		expect(isValidSignature(secret, `${body} `, vendorSignature)).toBe(false);
		expect(isValidSignature(secret, body, createHmac('sha256', secret).update(body).digest('hex'))).toBe(false);
	});

	it('refuses everything when no secret is stored or the body is missing', () => {
		expect(isValidSignature(undefined, body, vendorSignature)).toBe(false);
		expect(isValidSignature('', body, createHmac('sha1', '').update(body).digest('hex'))).toBe(false);
		expect(isValidSignature(secret, undefined, vendorSignature)).toBe(false);
	});
});

describe('splitEvents and filterByName', () => {
	it('turns one event or a batch into a list of events, leaving out non-objects', () => {
		expect(splitEvents({ eventId: 'a' })).toEqual([{ eventId: 'a' }]);
		expect(splitEvents([{ eventId: 'a' }, 3, null, [1], { eventId: 'b' }])).toEqual([{ eventId: 'a' }, { eventId: 'b' }]);
		expect(splitEvents('text')).toEqual([]);
		expect(splitEvents(null)).toEqual([]);
	});

	it('keeps only the named events, or all when no names are given', () => {
		const events = [{ name: 'message.sent' }, { name: 'message.failed' }, { other: 1 }];
		expect(filterByName(events, [])).toEqual(events);
		expect(filterByName(events, [' ', ''])).toEqual(events);
		expect(filterByName(events, ['message.failed'])).toEqual([{ name: 'message.failed' }]);
	});
});

describe('dedupeEvents', () => {
	const day = 24 * 60 * 60 * 1000;

	it('drops an eventId delivered within the window, also inside one batch', () => {
		const first = dedupeEvents([{ eventId: 'a' }, { eventId: 'b' }, { eventId: 'a' }], {}, 1000, day, 100);
		expect(first.fresh).toEqual([{ eventId: 'a' }, { eventId: 'b' }]);
		expect(first.duplicates).toEqual([{ eventId: 'a' }]);
		const retry = dedupeEvents([{ eventId: 'b' }, { eventId: 'c' }], first.seen, 2000, day, 100);
		expect(retry.fresh).toEqual([{ eventId: 'c' }]);
		expect(retry.seen).toEqual({ a: 1000, b: 1000, c: 2000 });
	});

	it('forgets ids older than the window', () => {
		const later = dedupeEvents([{ eventId: 'a' }], { a: 0 }, day + 1, day, 100);
		expect(later.fresh).toEqual([{ eventId: 'a' }]);
		expect(later.seen).toEqual({ a: day + 1 });
	});

	it('lets events without an eventId through and does nothing with a zero window', () => {
		expect(dedupeEvents([{ name: 'x' }, { name: 'x' }], {}, 1, day, 10).fresh).toHaveLength(2);
		const off = dedupeEvents([{ eventId: 'a' }], { a: 1 }, 2, 0, 10);
		expect(off.fresh).toEqual([{ eventId: 'a' }]);
		expect(off.seen).toEqual({});
	});

	it('keeps at most maxEntries, the newest', () => {
		const result = dedupeEvents([{ eventId: 'new' }], { old1: 1, old2: 2, old3: 3 }, 10, day, 2);
		expect(result.seen).toEqual({ new: 10, old3: 3 });
	});
});
