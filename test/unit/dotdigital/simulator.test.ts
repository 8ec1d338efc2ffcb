import type { Simulator } from '../../../tools/simulators/core/simulator';
import { filterValue } from '../../../nodes/DotdigitalCpaas/actions/profile/getMany.operation';
import {
	BATCH_MAX_ITEMS,
	createDotdigitalSimulator,
	DOTDIGITAL_DEFAULTS as D,
	mongoQsMatch,
	mongoQsValue,
} from '../../../tools/simulators/dotdigital';

describe('dotdigital CPaaS simulator', () => {
	let sim: Simulator;
	let url: string;
	const basic = `Basic ${Buffer.from(`${D.username}:${D.password}`).toString('base64')}`;
	const call = async (method: string, path: string, body?: unknown, authorization = basic) => {
		const response = await fetch(url + path, {
			method,
			headers: { authorization, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		return {
			status: response.status,
			headers: response.headers,
			body: text ? JSON.parse(text) : undefined,
		};
	};
	const message = (phone = '447123123123') => ({
		to: { phoneNumber: phone },
		rules: ['sms'],
		body: 'x',
	});

	beforeAll(async () => {
		sim = createDotdigitalSimulator();
		url = await sim.start();
	});
	afterAll(async () => sim.stop());
	beforeEach(() => sim.reset());

	it('refuses wrong Basic credentials and a Bearer token on /cpaas with 401', async () => {
		expect((await call('GET', '/cpaas/templates', undefined, 'Basic eDp5')).status).toBe(401);
		expect(
			(await call('GET', '/cpaas/templates', undefined, `Bearer ${D.accessToken}`)).status,
		).toBe(401);
	});

	it('serves the legacy API space paths with the Bearer token only', async () => {
		const legacy = `/apispaces/${D.apiSpaceId}/messages`;
		expect((await call('POST', legacy, message(), `Bearer ${D.accessToken}`)).status).toBe(201);
		expect((await call('POST', legacy, message(), basic)).status).toBe(401);
		expect(
			(await call('POST', `/apispaces/other/messages`, message(), `Bearer ${D.accessToken}`))
				.status,
		).toBe(404);
	});

	it('validates requests against the OpenAPI files', async () => {
		const response = await call('POST', '/cpaas/messages', { to: { phoneNumber: '447123123123' } });
		expect(response.status).toBe(400);
		expect(response.body.message).toMatch(/rules/);
	});

	it('answers a batch with index and messageId, and refuses more than 5000 items', async () => {
		const ok = await call('POST', '/cpaas/messages/batch', [message(), message('447000000001')]);
		expect(ok.status).toBe(202);
		expect(ok.body).toEqual([
			{ index: 0, messageId: expect.any(String) },
			{ index: 1, messageId: expect.any(String) },
		]);
		const tooMany = await call(
			'POST',
			'/cpaas/messages/batch',
			Array.from({ length: BATCH_MAX_ITEMS + 1 }, () => message()),
		);
		expect(tooMany.status).toBe(400);
		expect(tooMany.body.message).toMatch(/5000/);
	});

	it('refuses a batch over 10 MB', async () => {
		const big = Array.from({ length: 1100 }, () => ({ ...message(), body: 'x'.repeat(10_000) }));
		const response = await call('POST', '/cpaas/messages/batch', big);
		expect(response.status).toBe(400);
		expect(response.body.message).toMatch(/10 MB/);
	});

	it('rate-limits with X-RateLimit headers', async () => {
		sim.limitOverrides.apiUser = 1;
		expect((await call('GET', '/cpaas/templates')).status).toBe(200);
		const limited = await call('GET', '/cpaas/templates');
		expect(limited.status).toBe(429);
		expect(limited.headers.get('x-ratelimit-limit')).toBe('1');
		expect(limited.headers.get('x-ratelimit-remaining')).toBe('0');
		expect(Number(limited.headers.get('x-ratelimit-reset'))).toBeGreaterThan(0);
	});

	it('pages profiles with $skip and $limit and filters on fields', async () => {
		for (const id of ['a', 'b', 'c'])
			await call('POST', '/cpaas/profiles', { id, tier: id === 'b' ? 'gold' : 'silver' });
		expect(
			(await call('GET', '/cpaas/profiles?$skip=1&$limit=1')).body.map((p: any) => p.id),
		).toEqual(['b']);
		expect((await call('GET', '/cpaas/profiles?tier=silver')).body.map((p: any) => p.id)).toEqual([
			'a',
			'c',
		]);
	});
});

describe('dotdigital profile filters (mongo-querystring)', () => {
	it('reads unquoted numeric text as a number and quoted text as text, as the OpenAPI says', () => {
		expect(mongoQsValue('447700900123')).toBe(447700900123);
		expect(mongoQsValue('+447700900123')).toBe(447700900123);
		expect(mongoQsValue("'447700900123'")).toBe('447700900123');
		expect(mongoQsValue('true')).toBe(true);
		expect(mongoQsValue('12ab')).toBe('12ab');
		const pat = { id: 'pat', phoneNumber: '447700900123', age: 42, name: 'Pat Lee' };
		expect(mongoQsMatch(pat, 'phoneNumber', '447700900123')).toBe(false);
		expect(mongoQsMatch(pat, 'phoneNumber', "'447700900123'")).toBe(true);
		expect(mongoQsMatch(pat, 'age', '42')).toBe(true);
		expect(mongoQsMatch(pat, 'age', '>30')).toBe(true);
		expect(mongoQsMatch(pat, 'age', '<=41')).toBe(false);
		expect(mongoQsMatch(pat, 'name', '^pat')).toBe(true);
		expect(mongoQsMatch(pat, 'name', '!Pat Lee')).toBe(false);
		expect(mongoQsMatch(pat, 'email', '!')).toBe(true);
		expect(mongoQsMatch(pat, 'email', '')).toBe(false);
	});

	it('the node quotes numeric values unless told to match numbers', () => {
		expect(filterValue('447700900123')).toBe("'447700900123'");
		expect(filterValue('+44 7700 900123')).toBe('+44 7700 900123');
		expect(filterValue('+447700900123')).toBe("'+447700900123'");
		expect(filterValue("'447700900123'")).toBe("'447700900123'");
		expect(filterValue('jane@example.com')).toBe('jane@example.com');
		expect(filterValue('>30')).toBe('>30');
		expect(filterValue('42', false)).toBe('42');
	});
});
