/**
 * WebEngage simulator: Bearer key, license code in the path (unknown code → 404), the
 * `{response: {...}}` envelope, 25 items per bulk call, and the documented per-minute limits with
 * `X-RateLimit-Limit/-Remaining` (https://docs.webengage.com/docs/rest-api-getting-started,
 * https://docs.webengage.com/docs/bulk-user-api). Strict about dedupe, doing only what WebEngage
 * documents: `x-request-id` for 4 hours on the single `/users` and `/events` calls (not on
 * `/bulk-users` or `/bulk-events`), `dedupe.ttl` on a single-campaign transaction (an identical
 * request within the window is ignored; its `txnId` alone dedupes nothing), and `txnId` on the
 * multi-campaign call.
 */
import path from 'node:path';

import type { SimRequest, SimResponse, SimulatorCredential } from '../core/simulator';
import { authToken, headerOf, newId, Simulator } from '../core/simulator';

export interface WebEngageSimulatorOptions {
	apiKey?: string;
	licenseCode?: string;
	/**
	 * The status a wrong license code gets. WebEngage's Getting Started page says a wrong code makes
	 * the call fail with 404, its error table lists 400 for invalid resources: 404 by default, 400
	 * by configuration (also `sim.data.wrongLicenseStatus`).
	 */
	wrongLicenseStatus?: 400 | 404;
	/**
	 * Whether this host serves the Business Events (Relays) endpoints. WebEngage says they live on a
	 * host that "differs" and shows only https://api.webengage.com; a simulator standing for another
	 * data center's host can refuse them with 404 (`false`, also `sim.data.businessEvents`).
	 */
	businessEvents?: boolean;
}

export const WEBENGAGE_DEFAULTS = { apiKey: 'we-test-key-0f1e2d3c', licenseCode: '~10a5cb7d' };

const DEDUPE_WINDOW_MS = 4 * 60 * 60 * 1000;

type Json = Record<string, any>;

export function createWebEngageSimulator(options: WebEngageSimulatorOptions = {}): Simulator {
	const apiKey = options.apiKey ?? WEBENGAGE_DEFAULTS.apiKey;
	const licenseCode = options.licenseCode ?? WEBENGAGE_DEFAULTS.licenseCode;

	const state = {
		users: new Map<string, Json>(),
		events: [] as Json[],
		transactions: [] as Json[],
		gdpr: new Map<string, Json>(),
		definitions: [] as Json[],
		businessEvents: [] as Json[],
		requestIds: new Map<string, number>(),
		/** First time each deduped transactional request (`dedupe.ttl`) was seen. */
		dedupeWindows: new Map<string, number>(),
		surveyResponses: new Map<string, Json>([
			[
				'resp-1001',
				{
					surveyId: 'survey-77',
					title: 'How did we do?',
					licenseCode,
					id: 'resp-1001',
					questionResponses: [
						{
							id: 'qr-1',
							questionId: 'q-1',
							questionText: 'Rate us',
							value: { '@class': 'score', value: 9 },
						},
						{
							id: 'qr-2',
							questionId: 'q-2',
							questionText: 'Which countries have you been to?',
							value: { '@class': 'list', values: ['Mexico'] },
						},
					],
					customData: { plan: ['gold'] },
					// Every field of the documented response (https://docs.webengage.com/docs/rest-api-on-site-survey).
					activity: {
						pageUrl: 'https://example.com/checkout',
						pageTitle: 'Checkout',
						ip: '203.0.113.7',
						city: 'Pune',
						country: 'India',
						browser: 'Firefox',
						browserVersion: '133',
						platform: 'Linux',
						activityOn: '2026-11-01T10:00:00+0000',
					},
				},
			],
		]),
	};

	const ok = (status: number, response: Json): SimResponse => ({ status, body: { response } });
	const error = (status: number, message: string): SimResponse => ({
		status,
		body: { response: { status: 'error', message } },
	});

	/** True when this x-request-id was already ingested within 4 hours: the vendor drops the replay. */
	const isReplay = (req: SimRequest): boolean => {
		const id = headerOf(req, 'x-request-id');
		if (!id) return false;
		const seen = state.requestIds.get(id);
		if (seen !== undefined && Date.now() - seen < DEDUPE_WINDOW_MS) return true;
		state.requestIds.set(id, Date.now());
		return false;
	};

	const ingestUser = (user: Json) => {
		const key = String(user.userId ?? `anon:${user.anonymousId}`);
		const previous = state.users.get(key) ?? {};
		state.users.set(key, {
			...previous,
			...user,
			attributes: { ...(previous.attributes ?? {}), ...(user.attributes ?? {}) },
			updates: (previous.updates ?? 0) + 1,
		});
	};

	const handlers: Record<string, (req: SimRequest) => SimResponse> = {
		upsertUser(req) {
			if (!isReplay(req)) ingestUser(req.body as Json);
			return ok(201, { status: 'queued' });
		},
		bulkUpsertUsers(req) {
			for (const user of (req.body as Json).users) ingestUser(user);
			return ok(201, { status: 'queued' });
		},
		trackEvent(req) {
			if (!isReplay(req)) state.events.push(req.body as Json);
			return ok(201, { status: 'queued' });
		},
		bulkTrackEvents(req) {
			state.events.push(...(req.body as Json).events);
			return ok(201, { status: 'queued' });
		},
		triggerTransactional(req) {
			const body = req.body as Json;
			if (!state.users.has(String(body.userId))) return error(404, `User ${body.userId} not found`);
			if (!String(req.params.experimentId).startsWith('~')) return error(404, 'Campaign not found');
			const txnId = body.txnId ?? newId();
			// WebEngage's answer, the same for a duplicate inside the dedupe window (not stored again).
			const answer = () =>
				ok(200, {
					data: {
						txnId,
						experimentId: req.params.experimentId,
						userId: body.userId,
						ttl: body.ttl ?? 120,
					},
				});
			const dedupeTtl = Number(body.dedupe?.ttl ?? 0);
			if (dedupeTtl > 0) {
				const key = `${req.params.experimentId} ${JSON.stringify(body)}`;
				const first = state.dedupeWindows.get(key);
				if (first !== undefined && Date.now() - first < dedupeTtl * 1000) return answer();
				state.dedupeWindows.set(key, Date.now());
			}
			state.transactions.push({ ...body, txnId, experimentId: req.params.experimentId });
			return answer();
		},
		triggerMultiCampaign(req) {
			const body = req.body as Json;
			const campaignIds = ([] as string[]).concat(req.query.campaignIds as string | string[]);
			const txnId = body.txnId ?? newId();
			if (
				!(body.txnId && state.transactions.some((t) => t.txnId === body.txnId && t.campaignIds))
			) {
				state.transactions.push({ ...body, txnId, campaignIds, mode: req.query.mode });
			}
			return ok(200, { data: { txnId, campaignIds, userId: body.userId, mode: req.query.mode } });
		},
		createGdprRequest(req) {
			const body = req.body as Json;
			if (state.gdpr.has(body.subject_request_id))
				return error(400, 'subject_request_id is not unique');
			const userId = body.subject_identities[0].identity_value;
			if (!state.users.has(String(userId))) return error(400, `Unknown user ${userId}`);
			state.gdpr.set(body.subject_request_id, { ...body, status: 'PENDING' });
			return {
				status: 201,
				body: {
					subject_request_id: body.subject_request_id,
					subject_request_type: body.subject_request_type,
					message: `${body.subject_request_type} request registered`,
				},
			};
		},
		getGdprRequest(req) {
			const found = state.gdpr.get(req.params.requestId);
			if (!found) return error(404, 'Request not found');
			return {
				status: 200,
				body: {
					subject_request_id: found.subject_request_id,
					subject_request_type: found.subject_request_type,
					status: found.status,
				},
			};
		},
		cancelGdprRequest(req) {
			const found = state.gdpr.get(req.params.requestId);
			if (!found) return error(404, 'Request not found');
			if (found.status !== 'PENDING') return error(400, 'Only pending requests can be cancelled');
			found.status = 'CANCELLED';
			return {
				status: 200,
				body: { subject_request_id: found.subject_request_id, message: 'request cancelled' },
			};
		},
		searchFeedbacks(req) {
			const body = (req.body ?? {}) as Json;
			return ok(200, {
				data: { pageNo: body.pageNo ?? 1, contents: [] },
				message: 'success',
				status: 'success',
			});
		},
		getSurveyResponse(req) {
			const found = state.surveyResponses.get(req.params.responseId);
			if (!found) return error(404, 'Survey response not found');
			return ok(200, { data: found, message: 'success', status: 'success' });
		},
		createBusinessEventDefinition(req) {
			state.definitions.push(req.body as Json);
			return ok(201, { status: 'success', message: 'Event definition created' });
		},
		triggerBusinessEvent(req) {
			const body = req.body as Json;
			if (!state.definitions.some((d) => d.eventName === body.eventName)) {
				return error(400, `Business event ${body.eventName} is not defined`);
			}
			state.businessEvents.push(body);
			return ok(201, { status: 'queued' });
		},
	};

	const byOperation =
		(...ids: string[]) =>
		(req: SimRequest) =>
			ids.includes(req.operationId ?? '');

	const sim: Simulator = new Simulator({
		name: 'webengage',
		openapi: [path.join(__dirname, 'openapi.json')],
		authenticate(req) {
			if (
				req.operationId !== 'getSurveyResponse' &&
				decodeURIComponent(req.path.split('/')[3] ?? '') !== licenseCode
			) {
				const status =
					(sim.data.wrongLicenseStatus as number | undefined) ?? options.wrongLicenseStatus ?? 404;
				return error(status, status === 400 ? 'Invalid resource' : 'Invalid URL');
			}
			if (authToken(req, 'Bearer') !== apiKey) return error(401, 'Unauthorized');
			const business =
				req.operationId === 'createBusinessEventDefinition' ||
				req.operationId === 'triggerBusinessEvent';
			if (
				business &&
				((sim.data.businessEvents as boolean | undefined) ?? options.businessEvents ?? true) ===
					false
			) {
				return error(404, 'Invalid URL');
			}
			return undefined;
		},
		errorResponse: (status, message) => error(status, message),
		rateLimitHeaders: ({ limit, remaining }) => ({
			'X-RateLimit-Limit': String(limit),
			'X-RateLimit-Remaining': String(remaining),
		}),
		rateLimits: [
			{ name: 'users', perMinute: 5000, matches: byOperation('upsertUser') },
			{ name: 'events', perMinute: 5000, matches: byOperation('trackEvent') },
			{ name: 'bulkUsers', perMinute: 500, matches: byOperation('bulkUpsertUsers') },
			{ name: 'bulkEvents', perMinute: 500, matches: byOperation('bulkTrackEvents') },
			{
				name: 'transactional',
				perMinute: 100,
				matches: byOperation('triggerTransactional', 'triggerMultiCampaign'),
			},
			{
				name: 'businessDefinition',
				perMinute: 1,
				matches: byOperation('createBusinessEventDefinition'),
			},
			{ name: 'businessTrigger', perMinute: 500, matches: byOperation('triggerBusinessEvent') },
			{
				name: 'gdpr',
				perMinute: 100,
				matches: byOperation('createGdprRequest', 'getGdprRequest', 'cancelGdprRequest'),
			},
		],
		handlers,
		state: () => ({
			users: Object.fromEntries(state.users),
			events: state.events,
			transactions: state.transactions,
			gdpr: Object.fromEntries(state.gdpr),
			definitions: state.definitions,
			businessEvents: state.businessEvents,
		}),
		resetState() {
			state.users.clear();
			state.events.length = 0;
			state.transactions.length = 0;
			state.gdpr.clear();
			state.definitions.length = 0;
			state.businessEvents.length = 0;
			state.requestIds.clear();
			state.dedupeWindows.clear();
		},
	});
	return sim;
}

/** Typed access to the simulator's stored data for tests. */
export function webEngageState(sim: Simulator): {
	users: Record<string, Json>;
	events: Json[];
	transactions: Json[];
	gdpr: Record<string, Json>;
	definitions: Json[];
	businessEvents: Json[];
} {
	return sim.spec.state!() as any;
}

/** The demo credential (id `demo-webengage`) for a WebEngage simulator at `baseUrl`. */
export function demoCredential(baseUrl: string): SimulatorCredential {
	return {
		id: 'demo-webengage',
		name: 'WebEngage (simulator)',
		type: 'webEngageApi',
		data: {
			apiKey: WEBENGAGE_DEFAULTS.apiKey,
			licenseCode: WEBENGAGE_DEFAULTS.licenseCode,
			dataCenter: 'custom',
			baseUrl,
		},
	};
}
