import * as getMany from '../../../nodes/DotdigitalCpaas/actions/conversationMessage/getMany.operation';
import { mockContext, NODE } from '../shared/mock-context';

const credentials = {
	authMode: 'apiUser',
	region: 'r1',
	username: 'apiuser@example.com',
	password: 'pw-unit',
	customBaseUrl: 'http://127.0.0.1:1/cpaas',
};

const message = (sentEventId: number) => ({ id: `m-${sentEventId}`, sentEventId });
const page = (earliestEventId: number, ids: number[]) => ({
	status: 200,
	body: {
		earliestEventId,
		latestEventId: ids[0] ?? 0,
		messages: ids.map(message),
		orphanedEvents: [],
	},
});

function run(
	typeVersion: number,
	parameters: Record<string, unknown>,
	outcomes: Array<{ status: number; body?: unknown }>,
) {
	const mock = mockContext({
		credentials,
		outcomes,
		parameters: { conversationId: 'conv-1', ...parameters },
	});
	(mock.ctx as unknown as { getNode: () => typeof NODE }).getNode = () => ({
		...NODE,
		typeVersion,
	});
	return { ...mock, out: getMany.execute.call(mock.ctx, [{ json: {} }]) };
}

describe('dotdigital Conversation Message → Get Many', () => {
	it('version 1 sends one call and outputs the answer as it is', async () => {
		const { out, sent } = run(1, { limit: 2 }, [page(5, [6, 5])]);
		expect((await out).map((i) => i.json)).toEqual([page(5, [6, 5]).body]);
		expect(sent.map((s) => s.qs)).toEqual([{ limit: 2 }]);
	});

	it('version 2 continues from earliestEventId - 1 and stops at 0', async () => {
		const { out, sent } = run(2, { returnAll: true }, [page(2, [4, 3, 2]), page(0, [1, 0])]);
		expect((await out).map((i) => i.json.sentEventId)).toEqual([4, 3, 2, 1, 0]);
		expect(sent.map((s) => s.qs)).toEqual([{ limit: 100 }, { from: 1, limit: 100 }]);
	});

	it('version 2 refuses an answer without messages and a feed that does not move backwards', async () => {
		await expect(run(2, { returnAll: true }, [{ status: 200, body: {} }]).out).rejects.toThrow(
			/without a list of messages/,
		);
		await expect(run(2, { returnAll: true }, [page(3, [4, 3]), page(5, [2])]).out).rejects.toThrow(
			/did not move backwards \(earliestEventId 5 after from=2\)/,
		);
	});
});
