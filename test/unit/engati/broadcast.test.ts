/**
 * Broadcasts never send one item's content to another item's recipient: items with different
 * content go out as separate broadcasts (issue 11, item 3).
 */
import * as send from '../../../nodes/Engati/actions/broadcast/send.operation';
import * as sendViaWrapper from '../../../nodes/Engati/actions/broadcast/sendViaWrapper.operation';
import { mockContext } from '../shared/mock-context';

const ok = (broadcastId: number) => ({
	status: 200,
	body: { responseObject: { broadcastId }, status: { code: 1000, message: 'Success' } },
});
const credentials = {
	apiKey: 'k',
	customerId: '61179',
	botKey: 'bb67e0773bed4c7e',
	baseUrl: 'http://127.0.0.1:1',
};
const items = (n: number) => Array.from({ length: n }, () => ({ json: {} }));

const sendParameters = (ids: string[], texts: string[], extra: Record<string, unknown> = {}) => ({
	channels: ['whatsapp'],
	channelUserId: (i: number) => ids[i],
	messages: (i: number) => ({ message: [{ text: texts[i] }] }),
	broadcastTitle: 'Order news',
	publishTime: '',
	...extra,
});

describe('Engati Broadcast → Send', () => {
	it('sends items with equal content in one broadcast and different content in its own', async () => {
		const { ctx, sent } = mockContext({
			credentials,
			outcomes: [ok(1), ok(2)],
			parameters: sendParameters(
				['919876543210', '919812345678', '14155550123'],
				['Hi all', 'Your order A-2 ships', 'Hi all'],
			),
		});
		const out = await send.execute.call(ctx, items(3));
		expect(sent).toHaveLength(2);
		const bodies = sent.map((s) => s.body as any);
		expect(bodies[0].audience.rule.channelUserIds).toEqual(['919876543210', '14155550123']);
		expect(bodies[0].payload.content).toEqual([{ type: 'text', data: { message: 'Hi all' } }]);
		expect(bodies[1].audience.rule.channelUserIds).toEqual(['919812345678']);
		expect(bodies[1].payload.content).toEqual([
			{ type: 'text', data: { message: 'Your order A-2 ships' } },
		]);
		// One publish time for the run: an empty Publish Time does not split the broadcast.
		expect(bodies[0].publishedOn).toBe(bodies[1].publishedOn);
		expect(out.map((o) => o.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(out.map((o) => [o.json.broadcastId, o.json.recipients])).toEqual([
			[1, 2],
			[2, 1],
			[1, 2],
		]);
	});

	it('splits on a different title or publish time too', async () => {
		const { ctx, sent } = mockContext({
			credentials,
			outcomes: [ok(1), ok(2), ok(3)],
			parameters: sendParameters(
				['911111111111', '912222222222', '913333333333'],
				['Hi', 'Hi', 'Hi'],
				{
					broadcastTitle: (i: number) => (i === 1 ? 'Other' : 'Order news'),
					publishTime: (i: number) => (i === 2 ? '2030-01-01T00:00:00Z' : ''),
				},
			),
		});
		await send.execute.call(ctx, items(3));
		expect(sent.map((s) => (s.body as any).audience.rule.channelUserIds)).toEqual([
			['911111111111'],
			['912222222222'],
			['913333333333'],
		]);
	});

	it('stops at a failed broadcast naming its items, after earlier ones and before later ones', async () => {
		const { ctx, sent } = mockContext({
			credentials,
			outcomes: [
				ok(1),
				{ status: 200, body: { responseObject: null, status: { code: 2000, message: 'Failure' } } },
			],
			parameters: sendParameters(
				['911111111111', '912222222222', '913333333333', '914444444444'],
				['A', 'B', 'A', 'C'],
			),
		});
		await expect(send.execute.call(ctx, items(4))).rejects.toThrow(
			'Engati returned an error (HTTP 200) [code 2000]: Failure [item 1]',
		);
		expect(sent).toHaveLength(2);
	});

	it('under continue-on-fail fails only the items of the failed broadcast', async () => {
		const { ctx, sent } = mockContext({
			credentials,
			continueOnFail: true,
			outcomes: [
				ok(1),
				{ status: 200, body: { responseObject: null, status: { code: 2000, message: 'Failure' } } },
				ok(3),
			],
			parameters: sendParameters(
				['911111111111', '912222222222', '913333333333', '914444444444'],
				['A', 'B', 'B', 'C'],
			),
		});
		const out = await send.execute.call(ctx, items(4));
		expect(sent).toHaveLength(3);
		expect(out[0].json.broadcastId).toBe(1);
		expect(out[1].json.error).toBe(
			'Engati returned an error (HTTP 200) [code 2000]: Failure (one broadcast for items 1, 2) [item 1]',
		);
		expect(out[2].json.error).toBe(
			'Engati returned an error (HTTP 200) [code 2000]: Failure (one broadcast for items 1, 2) [item 2]',
		);
		expect(out[3].json.broadcastId).toBe(3);
	});

	it('checks every item before sending: an item without messages stops the node with nothing sent', async () => {
		const { ctx, sent } = mockContext({
			credentials,
			outcomes: [ok(1)],
			parameters: sendParameters(['911111111111', '912222222222'], ['A', '  ']),
		});
		await expect(send.execute.call(ctx, items(2))).rejects.toThrow(
			'"Messages" needs at least one entry [item 1]',
		);
		expect(sent).toHaveLength(0);
	});
});

describe('Engati Broadcast → Send via Wrapper', () => {
	const wrapperParameters = (phones: string[], names: string[]) => ({
		phoneNumber: (i: number) => phones[i],
		userFields: (i: number) => ({ firstName: names[i] }),
		templateName: 'order_update',
		namespace: '',
		languageCode: 'en',
		languagePolicy: 'deterministic',
		componentsMode: 'builder',
		header: {},
		bodyParameters: (i: number) => ({ parameter: [{ text: names[i] }] }),
		buttons: {},
		broadcastTitle: 'Welcome',
		publishTime: '',
	});

	it('gives each recipient the template parameters of their own item', async () => {
		const { ctx, sent } = mockContext({
			credentials,
			outcomes: [ok(1), ok(2)],
			parameters: wrapperParameters(
				['+919876543210', '+14155550123', '+919812345678'],
				['Asha', 'Jane', 'Asha'],
			),
		});
		const out = await sendViaWrapper.execute.call(ctx, items(3));
		expect(sent).toHaveLength(2);
		const [asha, jane] = sent.map((s) => s.body as any);
		expect(asha.users.map((u: any) => u.phoneNumber)).toEqual(['+919876543210', '+919812345678']);
		expect(asha.payload.content[0].template.components).toEqual([
			{ type: 'body', parameters: [{ type: 'text', text: 'Asha' }] },
		]);
		expect(jane.users).toEqual([{ phoneNumber: '+14155550123', firstName: 'Jane' }]);
		expect(jane.payload.content[0].template.components).toEqual([
			{ type: 'body', parameters: [{ type: 'text', text: 'Jane' }] },
		]);
		expect(out.map((o) => o.json.recipients)).toEqual([2, 1, 2]);
	});
});
