/**
 * Chat and conversation messages → Get Many in a real n8n. Node version 1 (saved workflows) returns
 * one page as the API answers it; version 2 one item per message, paging backwards by event ID as
 * dotdigital documents it (`from` includes the event it names, `earliestEventId` above 0 means older
 * messages exist, at most 100 messages a call) until Limit or, with Return All, the first message.
 */
import type { N8n } from '../../../tools/harness/n8n';
import { chainWorkflow } from '../../../tools/harness/n8n';
import type { Simulator } from '../../../tools/simulators/core/simulator';
import { DOTDIGITAL_DEFAULTS } from '../../../tools/simulators/dotdigital';
import { node, one, startDotdigital } from './helpers';

/** Messages in the conversation: event IDs 0 … 229, one message each. */
const CONVERSATION_MESSAGES = 230;
const CHAT_MESSAGES = 3;

const v2 = (name: string, resource: string, parameters: Record<string, unknown>) => ({
	...node(name, resource, 'getMany', parameters),
	typeVersion: 2,
});
const conversation = { conversationId: 'conv-feed' };

const workflow = chainWorkflow({
	id: 'ddMessageFeeds',
	nodes: [
		{
			...node('V1', 'conversationMessage', 'getMany', { ...conversation, limit: 10 }),
			typeVersion: 1,
		},
		v2('Limit150', 'conversationMessage', { ...conversation, limit: 150 }),
		one('One1'),
		v2('All', 'conversationMessage', { ...conversation, returnAll: true }),
		one('One2'),
		v2('Before49', 'conversationMessage', {
			...conversation,
			returnAll: true,
			options: { from: 49 },
		}),
		one('One3'),
		v2('Chat', 'chatMessage', { chatId: 'chat-feed' }),
	],
});

/** Event IDs `from` down to `to`, newest first. */
const idsDown = (from: number, to: number) =>
	Array.from({ length: from - to + 1 }, (_, i) => from - i);

describe('dotdigital CPaaS chat and conversation message feeds: Return All / Limit in a real n8n', () => {
	let sim: Simulator;
	let n8n: N8n;
	let run: Awaited<ReturnType<N8n['execute']>>;

	beforeAll(async () => {
		({ sim, n8n } = await startDotdigital('dd-message-feeds', [workflow]));
		const auth = `Basic ${Buffer.from(`${DOTDIGITAL_DEFAULTS.username}:${DOTDIGITAL_DEFAULTS.password}`).toString('base64')}`;
		const post = async (path: string, body: object) => {
			const response = await fetch(`${sim.url.replace(/\/+$/, '')}/cpaas${path}`, {
				method: 'POST',
				headers: { authorization: auth, 'content-type': 'application/json' },
				body: JSON.stringify(body),
			});
			if (!response.ok)
				throw new Error(`seed ${path}: ${response.status} ${await response.text()}`);
		};
		await post('/conversations', {
			id: 'conv-feed',
			name: 'Feed',
			isPublic: false,
			roles: {
				owner: { canSend: true, canAddParticipants: true, canRemoveParticipants: true },
				participant: { canSend: true, canAddParticipants: false, canRemoveParticipants: false },
			},
		});
		await post('/chats', { id: 'chat-feed', name: 'Feed', channelId: 'web', teamId: 'team-1' });
		const message = (n: number) => ({
			parts: [{ type: 'text/plain', data: `Message ${n}` }],
			metadata: { n },
		});
		for (let n = 0; n < CONVERSATION_MESSAGES; n++)
			await post('/conversations/conv-feed/messages', message(n));
		for (let n = 0; n < CHAT_MESSAGES; n++) await post('/chats/chat-feed/messages', message(n));
		run = await n8n.execute(workflow.id);
	}, 600_000);

	afterAll(async () => {
		await sim?.stop();
		n8n?.cleanup();
	});

	const reads = (path: string) =>
		sim
			.accepted()
			.filter((r) => r.method === 'GET' && r.path === path)
			.map((r) => r.query);
	const eventIds = (name: string) => run.output(name).map((m) => m.sentEventId as number);

	it('version 1 returns one page as the API answers it', () => {
		expect(run.error).toBeUndefined();
		const [page, ...rest] = run.output('V1');
		expect(rest).toEqual([]);
		expect(page).toMatchObject({ earliestEventId: 220, latestEventId: 229, orphanedEvents: [] });
		expect((page.messages as Array<{ sentEventId: number }>).map((m) => m.sentEventId)).toEqual(
			idsDown(229, 220),
		);
	});

	it('version 2 pages backwards by event ID: Limit, Return All, and from a given event', () => {
		expect(run.error).toBeUndefined();
		// One item per message, newest first, none twice, none skipped.
		expect(eventIds('Limit150')).toEqual(idsDown(229, 80));
		expect(eventIds('All')).toEqual(idsDown(229, 0));
		expect(eventIds('Before49')).toEqual(idsDown(49, 0));
		expect(run.output('All')[229]).toMatchObject({
			parts: [{ type: 'text/plain', data: 'Message 0' }],
		});
		// Each next call reads from the event before the previous answer's earliestEventId; a call
		// never asks for more than 100 messages, nor for more than Limit still needs.
		expect(reads('/cpaas/conversations/conv-feed/messages')).toEqual([
			{ limit: '10' },
			{ limit: '100' },
			{ from: '129', limit: '50' },
			{ limit: '100' },
			{ from: '129', limit: '100' },
			{ from: '29', limit: '100' },
			{ from: '49', limit: '100' },
		]);
	});

	it('version 2 reads a chat the same way, with the default Limit', () => {
		expect(eventIds('Chat')).toEqual([2, 1, 0]);
		expect(reads('/cpaas/chats/chat-feed/messages')).toEqual([{ limit: '50' }]);
	});
});
