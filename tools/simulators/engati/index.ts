/**
 * Engati simulator: the raw API key after "Basic " (a base64 `user:pass` is refused with 401),
 * customer ID and bot key in the path, the `{responseObject, status: {code, message}}` envelope
 * with HTTP 200 for application failures (2003 for an unknown bot key), HTTP 401 / 403 / 404 / 500
 * as RFC 7807 problem bodies, numbered conversation pages (from 1 or 0, by configuration), following Engati's API docs
 * (https://help.engati.com/engati-apis, https://help.engati.com/external-broadcast-api,
 * https://help.engati.ai/api-trigger).
 */
import path from 'node:path';

import type { SimRequest, SimResponse, SimulatorCredential } from '../core/simulator';
import { authToken, newId, Simulator } from '../core/simulator';

type Json = Record<string, any>;

export const ENGATI_DEFAULTS = {
	apiKey: 'f3a1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d-SimKey1',
	customerId: '61179',
	botKey: 'bb67e0773bed4c7e',
	/** A second bot of the same customer whose WhatsApp provider (360dialog) is not set up: 2004. */
	botWithoutWhatsApp: 'c0ffee00c0ffee00',
	flowKey: '7bbb608c3b4b4e848f36cd2ccd7cfa35',
	/** Channel user with a long history (250 messages) for paging. */
	historyUser: '919565428256',
	templates: ['order_update', 'welcome_offer'],
};

/** Phone numbers starting with these digits are refused by the API trigger (code 2000). */
export const ENGATI_REJECTED_PHONE_PREFIX = '999';

export const ENGATI_STATUS: Record<number, string> = {
	1000: 'Success',
	2000: 'Failure: unhandled error',
	2003: 'Bot not found',
	2004: 'API key not found: 360dialog is not configured for this bot',
	2005: 'Invalid file format: upload a CSV file',
	2006: 'File upload failed',
};

interface BotState {
	whatsapp: boolean;
	wrapperEnabled: boolean;
	users: Json[];
	conversations: Map<string, Json[]>;
}

const seedUsers = (): Json[] => [
	{
		userId: 'u-1',
		channelUserId: '919876543210',
		channel: 'whatsapp',
		name: 'Asha Rao',
		attributes: { segment: 'new', feedback: '1 star' },
	},
	{
		userId: 'u-2',
		channelUserId: '919812345678',
		channel: 'whatsapp',
		name: 'Ravi Kumar',
		attributes: { segment: 'new', feedback: '5 star' },
	},
	{
		userId: 'u-3',
		channelUserId: '14155550123',
		channel: 'whatsapp',
		name: 'Jane Doe',
		attributes: { segment: 'returning', feedback: '1 star' },
	},
	{
		userId: 'u-4',
		channelUserId: 'web-7f3a',
		channel: 'web',
		name: 'Visitor',
		attributes: { segment: 'new' },
	},
];

const seedHistory = (): Map<string, Json[]> => {
	const start = Date.UTC(2026, 9, 1, 8, 0, 0);
	const messages = Array.from({ length: 250 }, (_, i) => ({
		messageId: `m-${i + 1}`,
		sender: i % 2 === 0 ? 'user' : 'bot',
		text: i % 2 === 0 ? `Question ${i / 2 + 1}` : `Answer ${(i + 1) / 2}`,
		epochMs: start + i * 60_000,
	}));
	return new Map([
		[ENGATI_DEFAULTS.historyUser, messages],
		['919876543210', messages.slice(0, 3)],
	]);
};

/** Engati's timestamp format as seen in client code: `YYYY-MM-DD HH:MM:SS.ffffff+0000`. */
/** RFC 4180 CSV: rows of fields, `"…"` quoting with `""` for a quote; throws on a broken quote. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	let i = 0;
	const endField = () => {
		row.push(field);
		field = '';
	};
	while (i < text.length) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i += 2;
			} else if (c === '"') {
				quoted = false;
				i++;
				if (i < text.length && !',\r\n'.includes(text[i]))
					throw new Error('text after a closing quote');
			} else {
				field += c;
				i++;
			}
		} else if (c === '"') {
			if (field !== '') throw new Error('a quote inside an unquoted field');
			quoted = true;
			i++;
		} else if (c === ',') {
			endField();
			i++;
		} else if (c === '\r' || c === '\n') {
			endField();
			rows.push(row);
			row = [];
			i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
		} else {
			field += c;
			i++;
		}
	}
	if (quoted) throw new Error('an unclosed quote');
	if (field !== '' || row.length > 0) {
		endField();
		rows.push(row);
	}
	return rows;
}

const engatiTimestamp = (ms: number) =>
	new Date(ms).toISOString().replace('T', ' ').replace('Z', '000+0000');

export function createEngatiSimulator(options: Partial<typeof ENGATI_DEFAULTS> = {}): Simulator {
	const config = { ...ENGATI_DEFAULTS, ...options };
	const freshBots = () =>
		new Map<string, BotState>([
			[
				config.botKey,
				{ whatsapp: true, wrapperEnabled: true, users: seedUsers(), conversations: seedHistory() },
			],
			[
				config.botWithoutWhatsApp,
				{ whatsapp: false, wrapperEnabled: false, users: [], conversations: new Map() },
			],
		]);
	const state = {
		bots: freshBots(),
		templatesSent: [] as Json[],
		broadcasts: [] as Json[],
		/** What each recipient of a broadcast receives: one entry per recipient and broadcast. */
		deliveries: [] as Json[],
		flowTriggers: [] as Json[],
		/** Application codes to answer with next (tests: `engatiFailNext`). */
		forced: [] as Array<{ code: number; operationId?: string }>,
	};

	const envelope = (
		code: number,
		responseObject: unknown = null,
		message = ENGATI_STATUS[code],
	): SimResponse => ({
		status: 200,
		body: { responseObject, status: { code, message } },
	});
	const problem = (status: number, detail: string): SimResponse => ({
		status,
		body: {
			type: 'about:blank',
			title:
				{ 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 500: 'Internal Server Error' }[
					status
				] ?? 'Error',
			status,
			detail,
		},
	});

	const bot = (req: SimRequest) => state.bots.get(req.params.botKey) as BotState;

	const handlers: Record<string, (req: SimRequest) => SimResponse> = {
		getUsersByAttribute(req) {
			const name = String(req.query.attribute_name);
			const value = String(req.query.attribute_value);
			return envelope(
				1000,
				bot(req).users.filter((u) => String(u.attributes?.[name] ?? '') === value),
			);
		},
		getConversations(req) {
			const all = bot(req).conversations.get(req.params.channelUserId);
			if (!all) return envelope(2000, null, `No user ${req.params.channelUserId} in this bot`);
			const from = req.query.start_date ? Number(req.query.start_date) : 0;
			const to = req.query.end_date ? Number(req.query.end_date) : Date.now();
			const size = req.query.page_size ? Number(req.query.page_size) : 500;
			// Engati: without page_number "the first page will be shown"; whether pages count from 0 or
			// 1, and under which key the list comes, is not documented: `sim.data.historyPageBase`
			// (0 or 1, default 1) and `sim.data.historyListKey` (default `conversations`; `array` for a
			// bare list; any other name for an envelope the node does not know) choose.
			const base = (sim.data.historyPageBase as number | undefined) ?? 1;
			const listKey = (sim.data.historyListKey as string | undefined) ?? 'conversations';
			const page = req.query.page_number !== undefined ? Number(req.query.page_number) : base;
			if (page < base) return envelope(2000, null, `page_number starts at ${base}`);
			const matching = all.filter((m) => m.epochMs >= from && m.epochMs <= to);
			const index = page - base;
			const slice = matching
				.slice(index * size, (index + 1) * size)
				.map(({ epochMs, ...m }) => ({ ...m, timestamp: engatiTimestamp(epochMs) }));
			if (listKey === 'array') return envelope(1000, slice);
			return envelope(1000, {
				[listKey]: slice,
				pageNumber: page,
				pageSize: size,
				totalElements: matching.length,
			});
		},
		sendTemplate(req) {
			const body = req.body as Json;
			if (!bot(req).whatsapp) return envelope(2004);
			if (!config.templates.includes(body.payload.name)) {
				return envelope(2000, null, `Template ${body.payload.name} is not approved for this bot`);
			}
			const messageId = `wamid.${newId().replace(/-/g, '')}`;
			state.templatesSent.push({ ...body, botKey: req.params.botKey, messageId });
			return envelope(1000, { message_id: messageId });
		},
		sendBroadcast(req) {
			if (!bot(req).whatsapp && (req.body as Json).audience.rule.channels.includes('whatsapp'))
				return envelope(2004);
			const broadcastId = state.broadcasts.length + 1;
			const published = Date.parse((req.body as Json).publishedOn) <= Date.now();
			const body = req.body as Json;
			state.broadcasts.push({ ...body, version: 'v1', broadcastId });
			for (const recipient of body.audience.rule.channelUserIds as string[]) {
				state.deliveries.push({ broadcastId, recipient, content: body.payload.content });
			}
			return envelope(1000, {
				broadcastId,
				broadcastStatus: published ? 'PUBLISHED' : 'SCHEDULED',
			});
		},
		sendBroadcastWrapper(req) {
			if (!bot(req).wrapperEnabled)
				return envelope(
					2000,
					null,
					'Broadcast wrapper API is not enabled for this bot: contact Engati support',
				);
			const broadcastId = state.broadcasts.length + 1;
			const body = req.body as Json;
			state.broadcasts.push({ ...body, version: 'v2', broadcastId });
			for (const user of body.users as Json[]) {
				state.deliveries.push({
					broadcastId,
					recipient: user.phoneNumber,
					content: body.payload.content,
				});
			}
			return envelope(1000, { broadcastId, broadcastStatus: 'SCHEDULED' });
		},
		/**
		 * External broadcast: `target_audience` must be an uploaded CSV file (else 2005) whose header
		 * is `user.phone_number` then `user.attribute_0`, `user.attribute_1`, … in order, with a `+`
		 * and country code on every phone number and one value per column (else 2005, inferred: the
		 * docs name no code for a malformed CSV); `template_payload` must be the template's JSON
		 * structure with a name and language code (else 2000, inferred), of an approved template.
		 */
		sendExternalBroadcast(req) {
			if (!bot(req).whatsapp) return envelope(2004);
			const parts = req.parts ?? [];
			const audience = parts.find((p) => p.name === 'target_audience');
			const payloadPart = parts.find((p) => p.name === 'template_payload');
			if (!audience || audience.filename === undefined) return envelope(2005);
			if (!/\.csv$/i.test(audience.filename) && !/^text\/csv\b/i.test(audience.contentType ?? ''))
				return envelope(2005);
			let template: Json;
			try {
				template = JSON.parse(payloadPart?.data.toString('utf8') ?? '') as Json;
			} catch {
				return envelope(2000, null, 'template_payload is not JSON');
			}
			if (
				!template ||
				typeof template !== 'object' ||
				Array.isArray(template) ||
				typeof template.name !== 'string' ||
				typeof template.language?.code !== 'string'
			)
				return envelope(2000, null, 'template_payload needs the template name and language');
			if (!config.templates.includes(template.name))
				return envelope(2000, null, `Template ${template.name} is not approved for this bot`);
			let rows: string[][];
			try {
				rows = parseCsv(audience.data.toString('utf8').replace(/^\uFEFF/, ''));
			} catch (error) {
				return envelope(2005, null, `Invalid file format: ${(error as Error).message}`);
			}
			const [header, ...recipients] = rows;
			const expected = [
				'user.phone_number',
				...(header ?? []).slice(1).map((_, n) => `user.attribute_${n}`),
			];
			if (!header || header.join(',') !== expected.join(','))
				return envelope(
					2005,
					null,
					`Invalid file format: the header must be ${expected.join(',')}`,
				);
			if (recipients.length === 0)
				return envelope(2005, null, 'Invalid file format: no recipients');
			for (const [n, row] of recipients.entries()) {
				if (row.length !== header.length || !/^\+[1-9]\d{6,14}$/.test(row[0]))
					return envelope(2005, null, `Invalid file format: row ${n + 2}`);
			}
			const broadcastId = state.broadcasts.length + 1;
			state.broadcasts.push({
				version: 'external',
				broadcastId,
				broadcastName: req.query.broadcast_id,
				template,
				filename: audience.filename,
				csv: audience.data.toString('utf8'),
			});
			for (const row of recipients) {
				state.deliveries.push({
					broadcastId,
					recipient: row[0],
					content: { template: template.name, parameters: row.slice(1) },
				});
			}
			return envelope(1000, null);
		},
		triggerFlowV1(req) {
			return triggerFlow(req, { ...req.query } as Json, 'v1');
		},
		triggerFlowV2(req) {
			return triggerFlow(req, req.body as Json, 'v2');
		},
	};

	function triggerFlow(req: SimRequest, attributes: Json, version: string): SimResponse {
		if (req.params.flowKey !== config.flowKey)
			return envelope(2000, null, `Flow ${req.params.flowKey} not found`);
		const phone = String(attributes['user.phone_no']).replace(/^\+/, '');
		if (phone.startsWith(ENGATI_REJECTED_PHONE_PREFIX)) {
			return envelope(2000, null, `User ${phone} could not be created for this channel`);
		}
		state.flowTriggers.push({
			version,
			flowKey: req.params.flowKey,
			botKey: req.params.botKey,
			attributes,
		});
		return envelope(1000, true);
	}

	// Bot lookup and forced codes come before every handler.
	const guarded: Record<string, (req: SimRequest) => SimResponse> = {};
	for (const [operationId, handler] of Object.entries(handlers)) {
		guarded[operationId] = (req) => {
			if (!state.bots.has(req.params.botKey)) return envelope(2003);
			const forced = state.forced.findIndex((f) => !f.operationId || f.operationId === operationId);
			if (forced >= 0) return envelope(state.forced.splice(forced, 1)[0].code);
			return handler(req);
		};
	}

	const sim: Simulator = new Simulator({
		name: 'engati',
		openapi: [path.join(__dirname, 'openapi.json')],
		authenticate(req) {
			// The raw key, not base64: `Basic base64(anything)` is a wrong key to Engati.
			if (authToken(req, 'Basic') !== config.apiKey)
				return problem(401, 'Invalid or revoked API key');
			if (req.params.customerId !== config.customerId)
				return problem(403, 'This API key cannot access that customer');
			return undefined;
		},
		errorResponse: (status, message) => problem(status, message),
		handlers: guarded,
		state: () => ({
			templatesSent: state.templatesSent,
			broadcasts: state.broadcasts,
			deliveries: state.deliveries,
			flowTriggers: state.flowTriggers,
		}),
		resetState() {
			state.bots = freshBots();
			state.templatesSent.length = 0;
			state.broadcasts.length = 0;
			state.deliveries.length = 0;
			state.flowTriggers.length = 0;
			state.forced.length = 0;
		},
	});
	sim.data.forced = state.forced;
	return sim;
}

/** Answers the next call (of one operation, or any) with an Engati application code, e.g. 2005. */
export function engatiFailNext(sim: Simulator, code: number, operationId?: string): void {
	(sim.data.forced as Array<{ code: number; operationId?: string }>).push({ code, operationId });
}

export function engatiState(sim: Simulator): {
	templatesSent: Json[];
	broadcasts: Json[];
	deliveries: Json[];
	flowTriggers: Json[];
} {
	return sim.spec.state!() as any;
}

/** The demo credential for a simulator at baseUrl (examples/engati-*.json use id `demo-engati`). */
export function demoCredential(baseUrl: string): SimulatorCredential {
	return {
		id: 'demo-engati',
		name: 'Engati (simulator)',
		type: 'engatiApi',
		data: {
			apiKey: ENGATI_DEFAULTS.apiKey,
			customerId: ENGATI_DEFAULTS.customerId,
			botKey: ENGATI_DEFAULTS.botKey,
			baseUrl,
		},
	};
}
