/** Engati Get History pages correctly whether pages count from 0 or 1, and refuses unknown shapes (issue 11, item 4). */
import * as getHistory from '../../../nodes/Engati/actions/conversation/getHistory.operation';
import { mockContext } from '../shared/mock-context';

const credentials = {
	apiKey: 'k',
	customerId: '61179',
	botKey: 'bb67e0773bed4c7e',
	baseUrl: 'http://127.0.0.1:1',
};
const messages = (from: number, count: number) =>
	Array.from({ length: count }, (_, i) => ({ messageId: `m-${from + i}` }));
const page = (list: unknown) => ({
	status: 200,
	body: { responseObject: list, status: { code: 1000, message: 'Success' } },
});
const parameters = { channelUserId: '919565428256', returnAll: true, options: { pageSize: 2 } };
const pageNumbers = (sent: Array<{ qs?: unknown }>) =>
	sent.map((s) => (s.qs as Record<string, unknown>).page_number);

describe('Engati Conversation → Get History', () => {
	it('pages from 1: the first page without a number, page 1 (the same) skipped, then 2 and 3', async () => {
		const { ctx, sent } = mockContext({
			credentials,
			parameters,
			outcomes: [
				page({ conversations: messages(1, 2) }),
				page({ conversations: messages(1, 2) }),
				page({ conversations: messages(3, 2) }),
				page({ conversations: messages(5, 1) }),
			],
		});
		const out = await getHistory.execute.call(ctx, [{ json: {} }]);
		expect(out.map((o) => o.json.messageId)).toEqual(['m-1', 'm-2', 'm-3', 'm-4', 'm-5']);
		expect(pageNumbers(sent)).toEqual([undefined, 1, 2, 3]);
	});

	it('pages from 0: page 1 is the second page', async () => {
		const { ctx, sent } = mockContext({
			credentials,
			parameters,
			outcomes: [
				page({ messages: messages(1, 2) }),
				page({ messages: messages(3, 2) }),
				page({ messages: messages(5, 1) }),
			],
		});
		const out = await getHistory.execute.call(ctx, [{ json: {} }]);
		expect(out.map((o) => o.json.messageId)).toEqual(['m-1', 'm-2', 'm-3', 'm-4', 'm-5']);
		expect(pageNumbers(sent)).toEqual([undefined, 1, 2]);
	});

	it('takes a bare list, and an empty history is an empty result', async () => {
		const { ctx } = mockContext({ credentials, parameters, outcomes: [page([])] });
		expect(await getHistory.execute.call(ctx, [{ json: {} }])).toEqual([]);
	});

	it('refuses an envelope without a known list instead of returning nothing', async () => {
		const { ctx } = mockContext({
			credentials,
			parameters,
			outcomes: [page({ items: messages(1, 2), total: 2 })],
		});
		await expect(getHistory.execute.call(ctx, [{ json: {} }])).rejects.toThrow(
			'Engati sent the conversation history in an unexpected shape: responseObject is an object with the keys items, total [item 0]',
		);
		const { ctx: nullCtx } = mockContext({ credentials, parameters, outcomes: [page(null)] });
		await expect(getHistory.execute.call(nullCtx, [{ json: {} }])).rejects.toThrow(
			'responseObject is null [item 0]',
		);
	});

	it('stops with an error when every page_number returns the first page again', async () => {
		const same = page({ conversations: messages(1, 2) });
		const { ctx } = mockContext({ credentials, parameters, outcomes: [same, same, same] });
		await expect(getHistory.execute.call(ctx, [{ json: {} }])).rejects.toThrow(
			'Engati answered page_number=2 with the first page again: its paging does not work as documented [item 0]',
		);
	});
});
