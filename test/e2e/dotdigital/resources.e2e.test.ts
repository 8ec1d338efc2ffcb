import { readFileSync } from 'node:fs';
import path from 'node:path';

import { chainWorkflow, N8n } from '../../../tools/harness/n8n';
import type { Simulator } from '../../../tools/simulators/core/simulator';
import {
	createDotdigitalSimulator,
	demoCredential,
	DOTDIGITAL_DEFAULTS,
	dotdigitalState,
} from '../../../tools/simulators/dotdigital';
import { node, one, startDotdigital } from './helpers';

const FILE_TEXT = 'hello from n8n';

const workflows = {
	content: chainWorkflow({
		id: 'ddContent',
		nodes: [
			{
				name: 'File',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: {
					jsCode: `return [{ json: {}, binary: { data: await this.helpers.prepareBinaryData(Buffer.from(${JSON.stringify(FILE_TEXT)}), "note.txt", "text/plain") } }];`,
				},
			},
			node('Upload', 'content', 'upload'),
			node('Get', 'content', 'get', { fileId: '={{ $json.id }}', binaryPropertyName: 'file' }),
			node('GetTypeOnly', 'content', 'get', {
				fileId: '={{ $("Upload").item.json.id }}',
				binaryPropertyName: 'file',
			}),
			node('GetBare', 'content', 'get', { fileId: '={{ $("Upload").item.json.id }}' }),
			node('Delete', 'content', 'delete', { fileId: '={{ $("Upload").item.json.id }}' }),
		],
	}),
	conversation: chainWorkflow({
		id: 'ddConversation',
		nodes: [
			node('Create', 'conversation', 'create', {
				conversation:
					'{"id": "conv-1", "name": "Support", "isPublic": false, "roles": {"owner": {"canSend": true, "canAddParticipants": true, "canRemoveParticipants": true}, "participant": {"canSend": true, "canAddParticipants": false, "canRemoveParticipants": false}}, "participants": [{"id": "p-1", "role": "owner"}]}',
			}),
			node('Get', 'conversation', 'get', { conversationId: 'conv-1' }),
			node('List', 'conversation', 'getMany', { returnAll: false, limit: 5 }),
			node('Update', 'conversation', 'update', {
				conversationId: 'conv-1',
				conversation:
					'{"name": "Support 2", "roles": {"owner": {"canSend": true, "canAddParticipants": true, "canRemoveParticipants": true}, "participant": {"canSend": true, "canAddParticipants": false, "canRemoveParticipants": false}}}',
			}),
			node('Typing', 'conversation', 'startTyping', { conversationId: 'conv-1' }),
			node('StopTyping', 'conversation', 'stopTyping', { conversationId: 'conv-1' }),
			node('Add', 'conversation', 'addParticipants', {
				conversationId: 'conv-1',
				participants: '[{"id": "p-2", "role": "participant"}]',
			}),
			node('Remove', 'conversation', 'removeParticipants', {
				conversationId: 'conv-1',
				participantIds: 'p-2',
			}),
			node('Participants', 'conversation', 'getParticipants', { conversationId: 'conv-1' }),
			node('Send', 'conversationMessage', 'send', {
				conversationId: 'conv-1',
				message: '{"parts": [{"type": "text/plain", "data": "Hi"}]}',
			}),
			node('Messages', 'conversationMessage', 'getMany', { conversationId: 'conv-1', limit: 10 }),
			node('Events', 'conversationMessage', 'getEvents', { conversationId: 'conv-1' }),
			one('One'),
			node('Status', 'conversationMessage', 'updateStatus', {
				conversationId: 'conv-1',
				statusUpdates:
					'[{"messageIds": ["m-1"], "status": "read", "timestamp": "2026-01-01T00:00:00Z"}]',
			}),
			node('Delete', 'conversation', 'delete', { conversationId: 'conv-1' }),
		],
	}),
	chat: chainWorkflow({
		id: 'ddChat',
		nodes: [
			node('Create', 'chat', 'create', {
				chat: '{"id": "chat-1", "name": "Order help", "teamId": "team-1", "channelId": "appMessaging", "participants": []}',
			}),
			node('Get', 'chat', 'get', { chatId: 'chat-1' }),
			node('List', 'chat', 'getMany', { returnAll: true, options: { scope: 'all' } }),
			node('Update', 'chat', 'update', { chatId: 'chat-1', chat: '{"name": "Order help 2"}' }),
			node('Assign', 'chat', 'assign', { chatId: 'chat-1', assignment: '{"teamId": "team-1"}' }),
			node('Channel', 'chat', 'changeChannel', {
				chatId: 'chat-1',
				channel: '{"channelId": "sms"}',
			}),
			node('Form', 'chat', 'sendForm', {
				chatId: 'chat-1',
				form: '{"formTemplateId": "feedback"}',
			}),
			node('Typing', 'chat', 'startTyping', { chatId: 'chat-1' }),
			node('StopTyping', 'chat', 'stopTyping', { chatId: 'chat-1' }),
			node('Send', 'chatMessage', 'send', {
				chatId: 'chat-1',
				message: '{"parts": [{"type": "text/plain", "data": "Hi"}]}',
			}),
			node('Messages', 'chatMessage', 'getMany', { chatId: 'chat-1' }),
			node('Events', 'chatMessage', 'getEvents', { chatId: 'chat-1' }),
			one('One'),
			node('Status', 'chatMessage', 'updateStatus', {
				chatId: 'chat-1',
				statusUpdates:
					'[{"messageIds": ["m-1"], "status": "delivered", "timestamp": "2026-01-01T00:00:00Z"}]',
			}),
			node('Close', 'chat', 'close', { chatId: 'chat-1' }),
			node('Delete', 'chat', 'delete', { chatId: 'chat-1' }),
			node('Agents', 'chatPresence', 'getAgents', { profileIds: 'agent-1, agent-2' }),
			one('One2'),
			node('Users', 'chatPresence', 'getAppMessaging', { profileIds: 'user-1' }),
			node('Config', 'chatConfig', 'get'),
			node('Team', 'chatConfig', 'getTeam', { teamId: 'team-1' }),
			node('SetAppMessaging', 'chatConfig', 'updateAppMessaging', {
				teamId: 'team-1',
				config: '{"replyAs": "team"}',
			}),
			node('SetSettings', 'chatConfig', 'updateSettings', {
				teamId: 'team-1',
				settings: '{"closeMessage": "Bye"}',
			}),
			node('DelAppMessaging', 'chatConfig', 'deleteAppMessaging', { teamId: 'team-1' }),
			node('DelSettings', 'chatConfig', 'deleteSettings', { teamId: 'team-1' }),
			node('DelTeam', 'chatConfig', 'deleteTeam', { teamId: 'team-1' }),
		],
	}),
	analyticsAndSessions: chainWorkflow({
		id: 'ddAnalytics',
		nodes: [
			...[
				'getChats',
				'getChatsLive',
				'getConversationMessages',
				'getMessages',
				'getMessageMetrics',
				'getSessions',
				'getSmsInbound',
				'getSmsOutbound',
				'getSmsTracking',
				'getSmsVerify',
				'getWhatsAppConversations',
				'getWhatsAppDailyUsage',
			].map((operation) =>
				node(`A_${operation}`, 'analytics', operation, {
					from: '2026-01-01T00:00:00Z',
					to: '2026-02-01T00:00:00Z',
					options: operation === 'getMessages' ? { by: 'month', system: 'api' } : {},
				}),
			),
			node('AnonToken', 'session', 'getAnonymousToken', { id: 'auth-1', nonce: 'n-1' }),
			node('Session', 'session', 'get', { sessionId: 'session-1' }),
			node('End', 'session', 'delete', { sessionId: 'session-1' }),
		],
	}),
};

describe('dotdigital CPaaS content, conversations, chats, analytics and sessions in a real n8n', () => {
	let sim: Simulator;
	let n8n: N8n;

	beforeAll(async () => {
		({ sim, n8n } = await startDotdigital('dotdigital-resources', Object.values(workflows)));
	}, 300_000);

	afterAll(async () => {
		await sim.stop();
		n8n.cleanup();
	});

	beforeEach(() => sim.reset());

	it('uploads content from a binary property, downloads it to binary and deletes it', async () => {
		sim.data.contentHeaders = ['type-and-name', 'type', 'none'];
		const result = await n8n.execute('ddContent');
		expect(result.error).toBeUndefined();
		const [upload] = sim.accepted('POST /cpaas/content');
		expect(upload.body).toEqual({
			name: 'note.txt',
			type: 'text/plain',
			data: Buffer.from(FILE_TEXT).toString('base64'),
		});
		const id = result.output('Upload')[0].id as string;
		const [got] = result.items('Get');
		expect(got.json).toEqual({
			id,
			fileName: 'note.txt',
			mimeType: 'text/plain',
			size: FILE_TEXT.length,
		});
		expect(got.binary?.file).toMatchObject({ fileName: 'note.txt', mimeType: 'text/plain' });
		expect(Buffer.from(got.binary!.file.data, 'base64').toString()).toBe(FILE_TEXT);
		// Without Content-Disposition the file is named by its ID; without any header the bytes still arrive.
		const [typeOnly] = result.items('GetTypeOnly');
		expect(typeOnly.json).toMatchObject({ id, fileName: id, mimeType: 'text/plain' });
		const [bare] = result.items('GetBare');
		expect(bare.json).toMatchObject({ id, fileName: id, size: FILE_TEXT.length });
		expect(Buffer.from(bare.binary!.data.data, 'base64').toString()).toBe(FILE_TEXT);
		// The file comes from GET /content/{fileId} itself: the upload's `url` is never fetched with the credential.
		expect(sim.accepted('GET /cpaas/content/{fileId}')).toHaveLength(3);
		expect(sim.requests().filter((r) => r.path.startsWith('/__files/'))).toEqual([]);
		expect(result.output('Delete')[0]).toEqual({ deleted: true });
		expect(dotdigitalState(sim).content).toHaveLength(0);
	});

	it('runs every conversation and conversation message operation', async () => {
		const result = await n8n.execute('ddConversation');
		expect(result.error).toBeUndefined();
		expect(result.output('Get')[0]).toMatchObject({ id: 'conv-1', name: 'Support' });
		expect(result.output('Update')[0].name).toBe('Support 2');
		expect(
			sim.accepted('DELETE /cpaas/conversations/{conversationId}/participants')[0].query,
		).toEqual({ id: 'p-2' });
		expect(result.output('Participants').map((p) => p.id)).toEqual(['p-1']);
		expect(result.output('Messages')[0].messages).toHaveLength(1);
		expect(result.output('Delete')[0]).toEqual({ deleted: true });
	});

	it('runs every chat, chat message, presence and chat config operation', async () => {
		const result = await n8n.execute('ddChat');
		expect(result.error).toBeUndefined();
		expect(result.output('Assign')[0].assignment).toEqual({ teamId: 'team-1' });
		expect(result.output('Close')[0].status).toBe('closed');
		expect(result.output('Agents').map((a) => a.profileId)).toEqual(['agent-1', 'agent-2']);
		expect(result.output('SetSettings')[0].settings).toEqual({ closeMessage: 'Bye' });
		expect(result.output('DelTeam')[0]).toEqual({ deleted: true });
	});

	it('reads every analytics report and manages sessions', async () => {
		const result = await n8n.execute('ddAnalytics');
		expect(result.error).toBeUndefined();
		const reports = sim.accepted().filter((r) => r.path.startsWith('/cpaas/analytics/'));
		expect(reports).toHaveLength(12);
		expect(reports.find((r) => r.path === '/cpaas/analytics/messages')!.query).toEqual({
			from: '2026-01-01T00:00:00.000Z',
			to: '2026-02-01T00:00:00.000Z',
			by: 'month',
			system: 'api',
		});
		expect(result.output('AnonToken')[0]).toEqual({ token: 'anon.auth-1.n-1' });
		expect(result.output('End')[0]).toEqual({ deleted: true });
		expect(result.raw).not.toContain(DOTDIGITAL_DEFAULTS.password);
	});
});

describe('the dotdigital CPaaS example workflow', () => {
	it('runs against the simulator with the demo credential', async () => {
		const example = JSON.parse(
			readFileSync(
				path.join(__dirname, '../../../examples/dotdigital-send-and-track.json'),
				'utf8',
			),
		);
		const sim = createDotdigitalSimulator();
		const url = await sim.start();
		const n8n = await N8n.create('dotdigital-example');
		try {
			await n8n.importCredentials([demoCredential(url)]);
			await n8n.importWorkflows([example]);
			const result = await n8n.execute(example.id);
			expect(result.error).toBeUndefined();
			expect(sim.accepted('PATCH /cpaas/profiles/bulk')).toHaveLength(1);
			const [batch] = sim.accepted('POST /cpaas/messages/batch');
			expect((batch.body as any[])[0]).toMatchObject({
				to: { profileId: 'cust-1' },
				body: 'Hi Ada, your order has shipped.',
			});
			expect(result.output('Get Status').map((m) => m.metadata.customerId)).toEqual([
				'cust-1',
				'cust-2',
				'cust-3',
			]);
			expect(result.output('Message History')).toHaveLength(3);
			expect(result.output('Message History').map((m) => m.profileId)).toEqual([
				'cust-1',
				'cust-2',
				'cust-3',
			]);
		} finally {
			await sim.stop();
			n8n.cleanup();
		}
	}, 300_000);
});
