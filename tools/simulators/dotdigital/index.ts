/**
 * dotdigital CPaaS simulator (the OpenAPI files of https://developer.dotdigital.com/openapi and
 * https://developer.dotdigital.com/docs/call-rate-limits): every request is validated
 * against dotdigital's OpenAPI files in `openapi/` (copied from the vendor; `profile-import-api.json`
 * adds the import-job endpoints the older reference, https://docs.cpaas.dotdigital.com/reference, lists but
 * the published files lack, marked inferred).
 *
 * Both credential modes are served: API user = `/cpaas/...` with HTTP Basic, API space token =
 * `/apispaces/{apiSpaceId}/...` with Bearer (the same operations, mirrored from the `/cpaas`
 * paths). Wrong credentials → 401 `{}`. Created objects are stored; the batch endpoint takes at most
 * 5000 messages and 10 MB; the per-minute limit answers 429 with `X-RateLimit-Limit/-Remaining/-Reset`.
 * The webhook endpoints and signed deliveries live in `webhooks.ts`.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { Document } from 'openapi-backend';

import type { Handler, SimRequest, SimResponse, SimulatorCredential } from '../core/simulator';
import { authToken, newId, Simulator } from '../core/simulator';
import { registerWebhookHandlers } from './webhooks';

type Json = Record<string, any>;

export const DOTDIGITAL_DEFAULTS = {
	username: 'apiuser-n8n@apiconnector.com',
	password: 'dd-secret-pass-7f3a91',
	apiSpaceId: '0f3c6d2e-4a5b-4c7d-8e9f-a1b2c3d4e5f6',
	accessToken: 'dd-token-eyJhbGciOi-b7c8d9',
};

export const BATCH_MAX_ITEMS = 5000;
export const BATCH_MAX_BYTES = 10 * 1024 * 1024;

const OPENAPI_FILES = [
	// Before profile-api.json: its `/cpaas/profiles/{id}` would otherwise swallow `/cpaas/profiles/imports`.
	'profile-import-api.json',
	'omnichannel-api.json',
	'profile-api.json',
	'message-history-api.json',
	'templates-api.json',
	'content-api.json',
	'conversation-api.json',
	'conversation-message-api.json',
	'chat-api.json',
	'chat-message-api.json',
	'chat-presence-api.json',
	'chat-config-api.json',
	'analytics-api.json',
	'session-api.json',
	'webhook-api.json',
	// Written from the published contract (see its description): not among dotdigital's files here.
	'facebook-api.json',
];

const LEGACY_PREFIX = '/apispaces/{apiSpaceId}';

const METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/**
 * The vendor's files carry no operationIds, which validation needs: each operation is named
 * `<METHOD> <OpenAPI path>` (what the simulator core would call it), e.g. `POST /cpaas/messages`.
 */
function withOperationIds(document: Json): Json {
	const copy = JSON.parse(JSON.stringify(document), (key, value) =>
		// templates-api.json has `^[a-zA-Z\d-_]`, which a Unicode regex refuses: same class, `-` last.
		key === 'pattern' && typeof value === 'string' ? value.replace('\\d-_]', '\\d_-]') : value,
	) as Json;
	for (const [route, item] of Object.entries(copy.paths as Json)) {
		for (const method of METHODS)
			if (item[method]) item[method].operationId = `${method.toUpperCase()} ${route}`;
	}
	return copy;
}

/**
 * `GET /profiles` takes filters on any profile field (mongo-querystring, described in prose in
 * profile-api.json): declared here as OpenAPI's free-form query object so validation lets them through.
 */
function withFreeFormProfileQuery(document: Json): Json {
	const list = document.paths?.['/cpaas/profiles']?.get;
	if (!list) return document;
	const copy = JSON.parse(JSON.stringify(document)) as Json;
	copy.paths['/cpaas/profiles'].get.parameters.push({
		name: 'fieldFilters',
		in: 'query',
		style: 'form',
		explode: true,
		schema: { type: 'object', additionalProperties: { type: 'string' } },
	});
	return copy;
}

/** The same document with every `/cpaas/X` path served as `/apispaces/{apiSpaceId}/X` instead. */
function legacyMirror(document: Json): Json {
	const paths: Json = {};
	for (const [route, item] of Object.entries(document.paths as Json)) {
		if (!route.startsWith('/cpaas/')) continue;
		paths[LEGACY_PREFIX + route.slice('/cpaas'.length)] = {
			...item,
			parameters: [
				...((item as Json).parameters ?? []),
				{ name: 'apiSpaceId', in: 'path', required: true, schema: { type: 'string' } },
			],
		};
	}
	return withOperationIds({ ...document, paths });
}

/**
 * A value of a `GET /profiles` filter as dotdigital reads it: mongo-querystring
 * (https://www.npmjs.com/package/mongo-querystring) turns `true`/`false` into booleans and numeric
 * text into numbers, and "strings that are numeric … can be wrapped in single quotes to prevent them
 * being interpreted as numbers" (profile-api.json, GET /profiles). So an unquoted `447700900123`
 * is the number 447700900123 and does not match a phone number stored as text.
 */
export function mongoQsValue(text: string): unknown {
	const quoted = /^'(.*)'$/s.exec(text);
	if (quoted) return quoted[1];
	if (text.toLowerCase() === 'true') return true;
	if (text.toLowerCase() === 'false') return false;
	if (!Number.isNaN(parseInt(text, 10)) && +text - +text + 1 >= 0) return parseFloat(text);
	return text;
}

const fieldValue = (profile: Json, key: string): unknown =>
	key
		.split('.')
		.reduce<unknown>(
			(value, part) => (value && typeof value === 'object' ? (value as Json)[part] : undefined),
			profile,
		);

/** Whether a profile matches one mongo-querystring filter `key=raw` (operators ! > >= < <= ^ $ ~, empty = exists). */
export function mongoQsMatch(profile: Json, key: string, raw: string): boolean {
	const actual = fieldValue(profile, key);
	if (raw === '') return actual !== undefined;
	const op = raw[0];
	if (op === '!') {
		const rest = raw.slice(1);
		return rest === '' ? actual === undefined : actual !== mongoQsValue(rest);
	}
	if (op === '>' || op === '<') {
		const orEqual = raw[1] === '=';
		const bound = mongoQsValue(raw.slice(orEqual ? 2 : 1)) as number | string;
		if (actual === undefined || actual === null || typeof actual !== typeof bound) return false;
		const a = actual as number | string;
		return op === '>' ? (orEqual ? a >= bound : a > bound) : orEqual ? a <= bound : a < bound;
	}
	if (op === '^' || op === '$' || op === '~') {
		const text = raw.slice(1).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		const pattern = op === '^' ? `^${text}` : op === '$' ? `${text}$` : text;
		return typeof actual === 'string' && new RegExp(pattern, 'i').test(actual);
	}
	return actual === mongoQsValue(raw);
}

function list(value: unknown): string[] {
	if (value === undefined) return [];
	return ([] as unknown[])
		.concat(value)
		.flatMap((v) => String(v).split(','))
		.filter(Boolean);
}

/**
 * How the Facebook Meta Data Service answers: `text` = the metadata as plain text (the OpenAPI's
 * `text/plain` schema), `quotedJson` = the same text as a JSON string (the OpenAPI's example).
 */
export type FacebookMetadataForm = 'text' | 'quotedJson';
const facebookForms = new WeakMap<Simulator, FacebookMetadataForm>();

export function setFacebookMetadataForm(sim: Simulator, form: FacebookMetadataForm): void {
	facebookForms.set(sim, form);
}

export interface DotdigitalSimulatorOptions {
	username?: string;
	password?: string;
	apiSpaceId?: string;
	accessToken?: string;
}

export function createDotdigitalSimulator(options: DotdigitalSimulatorOptions = {}): Simulator {
	const auth = { ...DOTDIGITAL_DEFAULTS, ...options };
	const state: Json = {};
	const resetState = () => {
		for (const key of Object.keys(state)) delete state[key];
		Object.assign(state, {
			messages: new Map<string, Json>(),
			inbounds: new Map<string, Json>(),
			profiles: new Map<string, Json>(),
			templates: new Map<string, Json>(),
			content: new Map<string, Json>(),
			conversations: new Map<string, Json>(),
			chats: new Map<string, Json>(),
			sessions: new Map<string, Json>([
				['session-1', { id: 'session-1', profileId: 'profile-1', isActive: true }],
			]),
			imports: new Map<string, Json>(),
			facebookStates: new Map<string, Json>(),
			optInDefaults: { sms: true, whatsApp: false } as Json,
			teams: new Map<string, Json>([['team-1', { id: 'team-1', members: ['agent-1'] }]]),
			webhooks: new Map<string, Json>(),
			deliveries: [] as Json[],
		});
	};
	resetState();

	const stamp = () => new Date().toISOString();
	const created = (data: Json): Json => ({
		...data,
		_createdOn: stamp(),
		_createdBy: 'access:simulator',
		_updatedOn: stamp(),
		_updatedBy: 'access:simulator',
	});
	const err = (status: number, message: string): SimResponse => ({
		status,
		body: status === 401 ? {} : { message },
	});
	const ok = (body: unknown, status = 200, headers?: Record<string, string>): SimResponse => ({
		status,
		body,
		headers,
	});
	const noContent = (): SimResponse => ({ status: 204 });
	const body = (req: SimRequest) => (req.body ?? {}) as Json;
	const store = (name: string) => state[name] as Map<string, Json>;
	const get = (name: string, id: string, label: string): Json | SimResponse =>
		store(name).get(id) ?? err(404, `${label} ${id} was not found`);
	const isResponse = (v: Json | SimResponse): v is SimResponse =>
		typeof (v as SimResponse).status === 'number' && !('id' in v);

	const checkMessage = (message: Json, where = ''): void => {
		const phone = message.to?.phoneNumber;
		if (phone !== undefined && !/^\+?[1-9]\d{6,14}$/.test(String(phone))) {
			throw new Error(`${where}to.phoneNumber "${phone}" is not a valid international number`);
		}
	};

	const sendOne = (message: Json): Json => {
		const to = message.to ?? {};
		const messageId = newId();
		const stored = created({
			...message,
			messageId,
			status: 'processing',
			statusDetails: { channelId: message.rules?.[0] },
			sentOn: stamp(),
		});
		store('messages').set(messageId, stored);
		if (to.profileId && !store('profiles').has(to.profileId))
			store('profiles').set(to.profileId, created({ id: to.profileId }));
		return stored;
	};

	/** Generic CRUD over one stored collection, keyed by a path parameter. */
	const crud = (name: string, label: string, param: string, prefix: string) => ({
		[`POST /cpaas/${prefix}`]: (req: SimRequest) => {
			const data = body(req);
			const id = String(data.id ?? newId());
			if (store(name).has(id)) return err(409, `${label} ${id} already exists`);
			const item = created({ ...data, id });
			store(name).set(id, item);
			return ok(item, 201, { etag: `"${newId()}"` });
		},
		[`GET /cpaas/${prefix}`]: () => ok([...store(name).values()]),
		[`GET /cpaas/${prefix}/{${param}}`]: (req: SimRequest) => {
			const item = get(name, req.params[param], label);
			return isResponse(item) ? item : ok(item);
		},
		[`PUT /cpaas/${prefix}/{${param}}`]: (req: SimRequest) => {
			const item = get(name, req.params[param], label);
			if (isResponse(item)) return item;
			const updated = { ...item, ...body(req), id: item.id, _updatedOn: stamp() };
			store(name).set(item.id, updated);
			return ok(updated);
		},
		[`DELETE /cpaas/${prefix}/{${param}}`]: (req: SimRequest) => {
			if (!store(name).delete(req.params[param]))
				return err(404, `${label} ${req.params[param]} was not found`);
			return noContent();
		},
	});

	const report = (req: SimRequest): SimResponse =>
		ok({
			from: req.query.from,
			to: req.query.to,
			by: req.query.by ?? 'day',
			data: [{ period: req.query.from, sent: store('messages').size, delivered: 0, failed: 0 }],
		});

	const profileOr404 = (id: string) => get('profiles', id, 'Profile');

	const handlers: Record<string, Handler> = {
		// ---- Facebook Meta Data Service (facebook-api.json): `apiSpaceId` must be the account's
		// API space; the answer is the metadata as text, which the simulator can decode for tests.
		'POST /cpaas/channels/facebook/state': (req, simulator) => {
			const { profileId, data } = body(req);
			if (req.query.apiSpaceId !== auth.apiSpaceId || String(profileId).trim() === '')
				return { status: 400, body: {} };
			const metadata =
				createHash('sha256').update(`${auth.apiSpaceId}:${profileId}`).digest('hex') +
				Buffer.from(JSON.stringify({ profileId, data })).toString('base64');
			store('facebookStates').set(metadata, { profileId, data, apiSpaceId: auth.apiSpaceId });
			const form = facebookForms.get(simulator) ?? 'text';
			return {
				status: 200,
				raw: form === 'quotedJson' ? JSON.stringify(metadata) : metadata,
				headers: { 'content-type': 'text/plain; charset=utf-8' },
			};
		},

		// ---- messages
		'POST /cpaas/messages': (req) => {
			try {
				checkMessage(body(req));
				return ok(sendOne(body(req)), 201);
			} catch (error) {
				return err(400, (error as Error).message);
			}
		},
		'POST /cpaas/messages/batch': (req) => {
			const batch = req.body as Json[];
			if (batch.length > BATCH_MAX_ITEMS)
				return err(400, `A batch holds at most ${BATCH_MAX_ITEMS} messages, got ${batch.length}`);
			if (req.rawBody.length > BATCH_MAX_BYTES)
				return err(400, 'A batch request may be at most 10 MB');
			try {
				batch.forEach((m, index) => checkMessage(m, `[${index}] `));
			} catch (error) {
				return err(400, (error as Error).message);
			}
			return ok(
				batch.map((m, index) => ({ index, messageId: sendOne(m).messageId })),
				202,
			);
		},
		'GET /cpaas/messages/{messageId}': (req) => {
			const m = get('messages', req.params.messageId, 'Message');
			return isResponse(m) ? m : ok(m);
		},
		'PATCH /cpaas/messages/{messageId}': (req) => {
			const m = store('messages').get(req.params.messageId);
			if (!m) return err(404, `Message ${req.params.messageId} was not found`);
			if (body(req).redact) Object.assign(m, { body: '', title: '', redacted: true });
			return { status: 202 };
		},
		'DELETE /cpaas/messages/{messageId}': (req) =>
			store('messages').delete(req.params.messageId)
				? noContent()
				: err(404, `Message ${req.params.messageId} was not found`),
		'POST /cpaas/messages/{messageId}/statuses/{status}': (req) => {
			const m = store('messages').get(req.params.messageId);
			if (!m) return err(404, `Message ${req.params.messageId} was not found`);
			m.status = req.params.status;
			return ok({ messageId: m.messageId, status: m.status, ...body(req) });
		},
		'POST /cpaas/messages/inbounds': (req) => {
			const inbound = created({
				...body(req),
				messageId: newId(),
				status: 'received',
				receivedOn: stamp(),
			});
			store('inbounds').set(inbound.messageId, inbound);
			return ok(inbound, 201);
		},
		'POST /cpaas/messages/inbounds/{inboundMessageId}/statuses/{status}': (req) => {
			const m = store('inbounds').get(req.params.inboundMessageId);
			if (!m) return err(404, `Inbound message ${req.params.inboundMessageId} was not found`);
			m.status = req.params.status;
			return ok({ messageId: m.messageId, status: m.status, ...body(req) });
		},
		'GET /cpaas/profiles/{profileId}/messages': (req) => {
			const profileId = req.params.profileId;
			const before = req.query.from ? Date.parse(String(req.query.from)) : Infinity;
			const limit = Number(req.query.limit ?? 100);
			const history = [...store('messages').values()]
				.filter((m) => m.to?.profileId === profileId)
				.filter((m) => !req.query.channelId || m.rules?.[0] === req.query.channelId)
				.filter((m) => !req.query.direction || req.query.direction === 'outbound')
				.map((m) => ({
					messageId: m.messageId,
					submittedOn: m.sentOn,
					profileId,
					channelId: m.rules?.[0],
					direction: 'outbound',
					status: m.status,
					message: { title: m.title, body: m.body },
				}))
				.filter((m) => Date.parse(m.submittedOn) <= before)
				.sort(
					(a, b) =>
						b.submittedOn.localeCompare(a.submittedOn) || b.messageId.localeCompare(a.messageId),
				);
			return ok(history.slice(0, limit));
		},

		// ---- profiles
		'POST /cpaas/profiles': (req) => {
			const data = body(req);
			const id = String(data.id ?? newId());
			if (Object.keys(data).some((k) => k.startsWith('_')))
				return err(400, 'Profile field names may not contain _');
			if (store('profiles').has(id)) return err(409, `Profile ${id} already exists`);
			const profile = created({ ...data, id });
			store('profiles').set(id, profile);
			return ok(profile, 201);
		},
		'GET /cpaas/profiles': (req) => {
			if (req.query.$schemaOnly === 'true') {
				// "Returns the schema of a sample of profiles" (profile-api.json); its shape is not
				// documented: here a JSON-Schema-like object of the fields of up to 100 profiles (inferred).
				const properties: Json = {};
				for (const p of [...store('profiles').values()].slice(0, 100)) {
					for (const [field, value] of Object.entries(p)) {
						properties[field] ??= {
							type: Array.isArray(value) ? 'array' : value === null ? 'null' : typeof value,
						};
					}
				}
				return ok({ type: 'object', properties });
			}
			const skip = Number(req.query.$skip ?? 0);
			const limit = Number(req.query.$limit ?? 1000);
			const filters = Object.entries(req.query).filter(([k]) => !k.startsWith('$'));
			const matches = [...store('profiles').values()]
				.filter((p) => !p._deleted || req.query.$includeDeleted === 'true')
				.filter((p) =>
					filters.every(([k, v]) =>
						// A repeated key is mongo-querystring's `$in`: any of the values.
						Array.isArray(v)
							? v.some((one) => mongoQsMatch(p, k, String(one)))
							: mongoQsMatch(p, k, String(v)),
					),
				)
				.sort((a, b) => String(a.id).localeCompare(String(b.id)));
			return ok(matches.slice(skip, skip + limit));
		},
		'GET /cpaas/profiles/{id}': (req) => {
			const p = profileOr404(req.params.id);
			return isResponse(p) ? p : ok(p);
		},
		'PUT /cpaas/profiles/{id}': (req) => {
			const p = profileOr404(req.params.id);
			if (isResponse(p)) return p;
			const system = Object.fromEntries(Object.entries(p).filter(([k]) => k.startsWith('_')));
			const replaced = { ...body(req), ...system, id: p.id, _updatedOn: stamp() };
			store('profiles').set(p.id, replaced);
			return ok(replaced);
		},
		'PATCH /cpaas/profiles/{id}': (req) => {
			let p = store('profiles').get(req.params.id);
			if (!p && req.query.allowcreate !== 'true')
				return err(404, `Profile ${req.params.id} was not found`);
			p = { ...(p ?? created({ id: req.params.id })), ...body(req), _updatedOn: stamp() };
			for (const field of list(req.query.deletes)) delete p[field];
			store('profiles').set(req.params.id, p);
			return ok(p);
		},
		'DELETE /cpaas/profiles/{id}': (req) =>
			store('profiles').delete(req.params.id)
				? noContent()
				: err(404, `Profile ${req.params.id} was not found`),
		'PATCH /cpaas/profiles/bulk': (req) => {
			for (const profile of req.body as Json[]) {
				const id = String(profile.id ?? newId());
				store('profiles').set(id, {
					...(store('profiles').get(id) ?? created({ id })),
					...profile,
					id,
					_updatedOn: stamp(),
				});
			}
			return ok({});
		},
		'DELETE /cpaas/profiles/bulk': (req) => {
			const ids = list(req.query.id);
			for (const id of ids) store('profiles').delete(id);
			return ok({});
		},
		'PUT /cpaas/profiles/{id}/optin': (req) => {
			const p = profileOr404(req.params.id);
			if (isResponse(p)) return p;
			p.optIn = {
				...(p.optIn ?? {}),
				...Object.fromEntries(((body(req).channels ?? []) as string[]).map((c) => [c, true])),
			};
			return ok(p);
		},
		'DELETE /cpaas/profiles/{id}/optin': (req) => {
			const p = profileOr404(req.params.id);
			if (isResponse(p)) return p;
			p.optIn = {
				...(p.optIn ?? {}),
				...Object.fromEntries(list(req.query.channel).map((c) => [c, false])),
			};
			return ok(p);
		},
		'GET /cpaas/profiles/optin': () => ok(state.optInDefaults),
		'PUT /cpaas/profiles/optin': (req) => {
			Object.assign(state.optInDefaults, body(req));
			return ok(state.optInDefaults);
		},
		'POST /cpaas/profiles/export': (req) => {
			const profiles = [...store('profiles').values()];
			if (body(req).format === 'csv') {
				const fields = (body(req).fields as string[] | undefined) ?? ['id'];
				return {
					status: 200,
					raw: [
						fields.join(','),
						...profiles.map((p) => fields.map((f) => p[f] ?? '').join(',')),
					].join('\n'),
					headers: { 'content-type': 'text/csv' },
				};
			}
			return ok(profiles);
		},

		// ---- profile import jobs (inferred endpoints)
		'POST /cpaas/profiles/import': (req) => {
			const job = created({ ...body(req), id: newId(), status: 'created' });
			store('imports').set(job.id, job);
			return ok(job, 201);
		},
		'GET /cpaas/profiles/imports': () => ok([...store('imports').values()]),
		'GET /cpaas/profiles/imports/{id}': (req) => {
			const job = get('imports', req.params.id, 'Import job');
			return isResponse(job) ? job : ok(job);
		},
		'DELETE /cpaas/profiles/imports/{id}': (req) =>
			store('imports').delete(req.params.id)
				? noContent()
				: err(404, `Import job ${req.params.id} was not found`),
		'GET /cpaas/profiles/imports/{id}/details': (req) => {
			const job = get('imports', req.params.id, 'Import job');
			return isResponse(job)
				? job
				: ok({
						id: job.id,
						rows: job.rows ?? 0,
						imported: job.status === 'completed' ? (job.rows ?? 0) : 0,
					});
		},
		'PUT /cpaas/profiles/import/{id}/upload': (req) => {
			const job = get('imports', req.params.id, 'Import job');
			if (isResponse(job)) return job;
			const lines = req.rawBody.toString('utf8').split(/\r?\n/).filter(Boolean);
			Object.assign(job, { status: 'uploaded', rows: Math.max(0, lines.length - 1), file: lines });
			return ok({ id: job.id, status: job.status, rows: job.rows });
		},
		'GET /cpaas/profiles/import/{id}/duplicates': (req) => {
			const job = get('imports', req.params.id, 'Import job');
			return isResponse(job) ? job : ok({ id: job.id, duplicates: [] }); // shape inferred: undocumented
		},
		'PUT /cpaas/profiles/import/{id}/start': (req) => {
			const job = get('imports', req.params.id, 'Import job');
			if (isResponse(job)) return job;
			if (job.status !== 'uploaded') return err(400, 'Upload a file before starting the import');
			const [header, ...rows] = job.file as string[];
			const fields = header.split(',');
			for (const row of rows) {
				const values = row.split(',');
				const profile = Object.fromEntries(fields.map((f, i) => [f, values[i]]));
				if (profile.id) store('profiles').set(profile.id, created(profile));
			}
			job.status = 'completed';
			return ok({ id: job.id, status: job.status });
		},

		// ---- relationships
		...Object.fromEntries(
			['primary', 'link'].flatMap((kind) => [
				[
					`PUT /cpaas/profiles/{id}/rels/${kind}/{linkedId}`,
					(req: SimRequest) => {
						const p = profileOr404(req.params.id);
						if (isResponse(p)) return p;
						const other = profileOr404(req.params.linkedId);
						if (isResponse(other)) return other;
						p.rels = {
							...(p.rels ?? {}),
							[kind]: [...new Set([...(p.rels?.[kind] ?? []), req.params.linkedId])],
						};
						return ok(p);
					},
				],
				[
					`DELETE /cpaas/profiles/{id}/rels/${kind}/{linkedId}`,
					(req: SimRequest) => {
						const p = profileOr404(req.params.id);
						if (isResponse(p)) return p;
						p.rels = {
							...(p.rels ?? {}),
							[kind]: (p.rels?.[kind] ?? []).filter((id: string) => id !== req.params.linkedId),
						};
						return ok(p);
					},
				],
			]),
		),

		// ---- templates, conversations, chats
		...crud('templates', 'Template', 'templateId', 'templates'),
		...crud('conversations', 'Conversation', 'conversationId', 'conversations'),
		...crud('chats', 'Chat', 'chatId', 'chats'),

		// ---- content
		'POST /cpaas/content': (req, sim) => {
			const data = body(req);
			const id = newId();
			const size = Buffer.from(String(data.data), 'base64').length;
			const item = created({
				id,
				name: data.name,
				type: data.type,
				size,
				folder: 'root',
				url: `${sim.url}/__files/${id}`,
				data: data.data,
			});
			store('content').set(id, item);
			const { data: _omit, ...view } = item;
			void _omit;
			return ok(view);
		},
		// content-api.json: 200 is "The requested file" (no schema, no headers named): the file
		// itself. Which headers come with it is not documented: `sim.data.contentHeaders` picks
		// `type-and-name` (Content-Type and Content-Disposition, default), `type` or `none`; a list
		// gives one mode per download, in order.
		'GET /cpaas/content/{fileId}': (req, sim) => {
			const item = store('content').get(req.params.fileId);
			if (!item) return err(404, `File ${req.params.fileId} was not found`);
			const setting = sim.data.contentHeaders as string | string[] | undefined;
			const mode = (Array.isArray(setting) ? setting.shift() : setting) ?? 'type-and-name';
			const headers: Record<string, string> =
				mode === 'none' ? {} : { 'content-type': String(item.type || 'application/octet-stream') };
			if (mode === 'type-and-name')
				headers['content-disposition'] = `attachment; filename="${String(item.name)}"`;
			return { status: 200, raw: Buffer.from(String(item.data), 'base64'), headers };
		},
		'DELETE /cpaas/content/{fileId}': (req) =>
			store('content').delete(req.params.fileId)
				? ok({})
				: err(404, `File ${req.params.fileId} was not found`),

		// ---- conversation extras
		'POST /cpaas/conversations/{conversationId}/typing': () => noContent(),
		'DELETE /cpaas/conversations/{conversationId}/typing': () => noContent(),
		'GET /cpaas/conversations/{conversationId}/participants': (req) => {
			const c = get('conversations', req.params.conversationId, 'Conversation');
			return isResponse(c) ? c : ok(c.participants ?? []);
		},
		'POST /cpaas/conversations/{conversationId}/participants': (req) => {
			const c = get('conversations', req.params.conversationId, 'Conversation');
			if (isResponse(c)) return c;
			c.participants = [...(c.participants ?? []), ...(req.body as Json[])];
			return { status: 201 };
		},
		'DELETE /cpaas/conversations/{conversationId}/participants': (req) => {
			const c = get('conversations', req.params.conversationId, 'Conversation');
			if (isResponse(c)) return c;
			const ids = list(req.query.id);
			c.participants = (c.participants ?? []).filter((p: Json) => !ids.includes(p.id));
			return noContent();
		},
		...messageFeed('conversations', 'Conversation', 'conversationId'),
		...messageFeed('chats', 'Chat', 'chatId'),

		// ---- chat extras
		'PUT /cpaas/chats/{chatId}/assign': (req) =>
			updateChat(req, (c) => Object.assign(c, { assignment: body(req) })),
		'PUT /cpaas/chats/{chatId}/close': (req) =>
			updateChat(req, (c) => Object.assign(c, { status: 'closed' })),
		'PUT /cpaas/chats/{chatId}/channel': (req) =>
			updateChat(req, (c) => Object.assign(c, body(req))),
		'POST /cpaas/chats/{chatId}/form': (req) =>
			updateChat(req, (c) => Object.assign(c, { forms: [...(c.forms ?? []), body(req)] })),
		'POST /cpaas/chats/{chatId}/typing': () => noContent(),
		'DELETE /cpaas/chats/{chatId}/typing': () => noContent(),
		'GET /cpaas/chats/{chatId}/participants': (req) => {
			const c = get('chats', req.params.chatId, 'Chat');
			return isResponse(c) ? c : ok(c.participants ?? []);
		},
		'GET /cpaas/presence': (req) =>
			ok(list(req.query.id).map((id) => ({ profileId: id, status: 'available' }))),
		'GET /cpaas/presence/appmessaging': (req) =>
			ok(list(req.query.id).map((id) => ({ profileId: id, status: 'offline' }))),

		// ---- chat config
		'GET /cpaas/chat/config': () => ok({ teams: [...store('teams').values()] }),
		'GET /cpaas/chat/config/teams/{teamId}': (req) => {
			const t = get('teams', req.params.teamId, 'Team');
			return isResponse(t) ? t : ok(t);
		},
		'DELETE /cpaas/chat/config/teams/{teamId}': (req) =>
			store('teams').delete(req.params.teamId)
				? noContent()
				: err(404, `Team ${req.params.teamId} was not found`),
		'PUT /cpaas/chat/config/teams/{teamId}/appMessaging': (req) =>
			teamPart(req, 'appMessaging', body(req)),
		'DELETE /cpaas/chat/config/teams/{teamId}/appMessaging': (req) =>
			teamPart(req, 'appMessaging', undefined),
		'PUT /cpaas/chat/config/teams/{teamId}/settings': (req) => teamPart(req, 'settings', body(req)),
		'DELETE /cpaas/chat/config/teams/{teamId}/settings': (req) =>
			teamPart(req, 'settings', undefined),

		// ---- analytics
		...Object.fromEntries(
			[
				'conversationmessages',
				'chats',
				'chats/live',
				'messages',
				'messages/metrics',
				'sessions',
				'sms/tracking',
				'sms/verify',
				'sms/inbound',
				'sms/outbound',
				'whatsapp/conversations',
				'whatsapp/dailymessagingusage',
			].map((name) => [`GET /cpaas/analytics/${name}`, report]),
		),

		// ---- sessions
		'GET /cpaas/sessions/tokens/anon': (req) =>
			ok({ token: `anon.${req.query.id}.${req.query.nonce}` }),
		'GET /cpaas/sessions/{id}': (req) => {
			const s = get('sessions', req.params.id, 'Session');
			return isResponse(s) ? s : ok(s);
		},
		'DELETE /cpaas/sessions/{id}': (req) =>
			store('sessions').delete(req.params.id)
				? noContent()
				: err(404, `Session ${req.params.id} was not found`),
	};

	function updateChat(req: SimRequest, change: (chat: Json) => void): SimResponse {
		const c = get('chats', req.params.chatId, 'Chat');
		if (isResponse(c)) return c;
		change(c);
		return ok(c);
	}

	function teamPart(req: SimRequest, part: string, value: Json | undefined): SimResponse {
		const t = get('teams', req.params.teamId, 'Team');
		if (isResponse(t)) return t;
		if (value === undefined) {
			delete t[part];
			return noContent();
		}
		t[part] = value;
		return ok(t);
	}

	/** Messages, events and status updates of a conversation or chat (newest first, by event id). */
	function messageFeed(name: string, label: string, param: string): Record<string, Handler> {
		const base = `/cpaas/${name}/{${param}}`;
		const feed = (req: SimRequest) => {
			const owner = get(name, req.params[param], label);
			if (isResponse(owner)) return owner;
			owner.events ??= [];
			return owner;
		};
		return {
			[`POST ${base}/messages`]: (req) => {
				const owner = feed(req);
				if (isResponse(owner)) return owner;
				// Event IDs count from 0 in each feed ("0 for the first event" of GET …/events).
				const eventId = owner.events.length;
				const { parts, metadata, from, direction } = body(req) as Json;
				// A MessageComplete as the message feed returns it.
				const message = {
					id: newId(),
					sentEventId: eventId,
					metadata: metadata ?? {},
					context: {
						from: from ?? {},
						[name === 'chats' ? 'chatId' : 'conversationId']: req.params[param],
						sentOn: stamp(),
						...(direction ? { direction } : {}),
					},
					parts,
					statusUpdates: {},
				};
				owner.events.push({
					eventId,
					name: `${name === 'chats' ? 'chat' : 'conversation'}Message.sent`,
					payload: message,
				});
				return ok({ id: message.id, eventId });
			},
			// As dotdigital documents the feed: newest first, reading backwards from the event `from`
			// (default: the latest); `limit` (1–100) counts messages; `earliestEventId` is the earliest
			// event read, above 0 only while older events exist (0 once the first event was read).
			[`GET ${base}/messages`]: (req) => {
				const owner = feed(req);
				if (isResponse(owner)) return owner;
				const events = owner.events as Json[];
				const limit = Number(req.query.limit);
				let at = Math.min(
					req.query.from !== undefined ? Number(req.query.from) : Infinity,
					events.length - 1,
				);
				const latestEventId = Math.max(at, 0);
				const messages: Json[] = [];
				for (; at >= 0 && messages.length < limit; at--) messages.push(events[at].payload);
				return ok({
					earliestEventId: at >= 0 ? at + 1 : 0,
					latestEventId,
					messages,
					orphanedEvents: [],
				});
			},
			[`GET ${base}/events`]: (req) => {
				const owner = feed(req);
				if (isResponse(owner)) return owner;
				const from = Number(req.query.from ?? 0);
				return ok(
					(owner.events as Json[])
						.filter((e) => e.eventId >= from)
						.slice(0, Number(req.query.limit ?? 100)),
				);
			},
			[`POST ${base}/messages/statusupdates`]: (req) => {
				const owner = feed(req);
				if (isResponse(owner)) return owner;
				owner.statusUpdates = [...(owner.statusUpdates ?? []), ...(req.body as Json[])];
				return { status: 200, body: {} };
			},
		};
	}

	const sim: Simulator = new Simulator({
		name: 'dotdigital',
		openapi: [],
		authenticate(req) {
			if (req.path.startsWith('/apispaces/')) {
				if (req.params.apiSpaceId !== auth.apiSpaceId)
					return err(404, `API space ${req.params.apiSpaceId} was not found`);
				return authToken(req, 'Bearer') === auth.accessToken ? undefined : err(401, 'Unauthorized');
			}
			const basic = authToken(req, 'Basic');
			const expected = Buffer.from(`${auth.username}:${auth.password}`).toString('base64');
			return basic === expected ? undefined : err(401, 'Unauthorized');
		},
		errorResponse: (status, message) => err(status, message),
		rateLimitHeaders: ({ limit, remaining, resetMs }) => ({
			'X-RateLimit-Limit': String(limit),
			'X-RateLimit-Remaining': String(remaining),
			'X-RateLimit-Reset': String(Math.max(1, Math.ceil(resetMs / 1000))),
		}),
		rateLimits: [{ name: 'apiUser', perMinute: 2000, matches: () => true }],
		handlers: {},
		rawRoutes: [
			{
				method: 'GET',
				path: /^\/__files\/[^/]+$/,
				handler: (req) => {
					const item = store('content').get(req.path.split('/').pop() ?? '');
					if (!item) return err(404, 'File not found');
					return {
						status: 200,
						raw: Buffer.from(String(item.data), 'base64'),
						headers: { 'content-type': item.type },
					};
				},
			},
		],
		state: () => ({
			messages: [...store('messages').values()],
			inbounds: [...store('inbounds').values()],
			profiles: Object.fromEntries(store('profiles')),
			templates: Object.fromEntries(store('templates')),
			content: [...store('content').values()].map(({ data: _d, ...v }) => v),
			conversations: Object.fromEntries(store('conversations')),
			chats: Object.fromEntries(store('chats')),
			imports: Object.fromEntries(store('imports')),
			facebookStates: Object.fromEntries(store('facebookStates')),
			webhooks: Object.fromEntries(state.webhooks as Map<string, Json>),
			optInDefaults: state.optInDefaults,
		}),
		resetState,
	});

	const documents = OPENAPI_FILES.map((file) =>
		withFreeFormProfileQuery(
			JSON.parse(readFileSync(path.join(__dirname, 'openapi', file), 'utf8')) as Json,
		),
	);
	sim.spec.openapi.push(
		...documents.map((d) => withOperationIds(d) as Document),
		...documents.map((d) => legacyMirror(d) as Document),
	);

	Object.assign(handlers, registerWebhookHandlers(sim, state));
	for (const [operationId, handler] of Object.entries(handlers)) {
		sim.spec.handlers[operationId] = handler;
		sim.spec.handlers[operationId.replace(' /cpaas/', ` ${LEGACY_PREFIX}/`)] = handler;
	}
	return sim;
}

/** Stored data, typed loosely, for tests. */
export function dotdigitalState(sim: Simulator): Json {
	return sim.spec.state!() as Json;
}

/** The demo credential: API user mode against the simulator's `/cpaas` paths. */
export function demoCredential(baseUrl: string): SimulatorCredential {
	return {
		id: 'demo-dotdigital',
		name: 'dotdigital CPaaS (simulator)',
		type: 'dotdigitalCpaasApi',
		data: {
			authMode: 'apiUser',
			region: 'r1',
			username: DOTDIGITAL_DEFAULTS.username,
			password: DOTDIGITAL_DEFAULTS.password,
			customBaseUrl: `${baseUrl.replace(/\/+$/, '')}/cpaas`,
		},
	};
}

/** API space token mode against the simulator's `/apispaces/{id}` paths. */
export function tokenCredential(baseUrl: string): SimulatorCredential {
	return {
		id: 'demo-dotdigital-token',
		name: 'dotdigital CPaaS token (simulator)',
		type: 'dotdigitalCpaasApi',
		data: {
			authMode: 'apiSpaceToken',
			apiSpaceId: DOTDIGITAL_DEFAULTS.apiSpaceId,
			accessToken: DOTDIGITAL_DEFAULTS.accessToken,
			customBaseUrl: `${baseUrl.replace(/\/+$/, '')}/apispaces/${DOTDIGITAL_DEFAULTS.apiSpaceId}`,
		},
	};
}
