import { readFileSync } from 'node:fs';
import path from 'node:path';

import type { N8n } from '../../../tools/harness/n8n';
import { chainWorkflow } from '../../../tools/harness/n8n';
import type { Simulator } from '../../../tools/simulators/core/simulator';
import {
	createWebEngageSimulator,
	demoCredential,
	WEBENGAGE_DEFAULTS,
	webEngageState,
} from '../../../tools/simulators/webengage';
import {
	seedUser,
	startWebEngage,
	webEngage,
	WRONG_KEY,
	WRONG_KEY_CREDENTIAL,
	WRONG_LICENSE_CREDENTIAL,
} from './helpers';

const example = JSON.parse(
	readFileSync(path.join(__dirname, '../../../examples/webengage-users-and-events.json'), 'utf8'),
) as { id: string };

const workflows = {
	example,
	eventOne: chainWorkflow({
		id: 'weEventOne',
		items: [{ id: 'u-1', at: '2026-05-01T09:30:00+05:30', price: 39.8 }],
		nodes: [
			webEngage('WebEngage', {
				resource: 'event',
				operation: 'track',
				userId: '={{ $json.id }}',
				eventName: 'Added to Cart',
				additionalFields: { eventTime: '={{ $json.at }}' },
				eventDataMode: 'json',
				eventDataJson: '={{ JSON.stringify({ Price: $json.price, Currency: "USD" }) }}',
			}),
		],
	}),
	eventMany: chainWorkflow({
		id: 'weEventMany',
		items: { js: 'return Array.from({ length: 60 }, (_, i) => ({ id: `ev-user-${i}`, n: i }));' },
		nodes: [
			webEngage('WebEngage', {
				resource: 'event',
				operation: 'trackMany',
				userId: '={{ $json.id }}',
				eventName: 'Viewed Product',
				eventDataMode: 'keyValue',
				eventDataValues: { values: [{ key: 'position', value: '={{ $json.n }}' }] },
			}),
		],
	}),
	eventJson: chainWorkflow({
		id: 'weEventJson',
		items: [{ anon: 'anon-9' }],
		nodes: [
			webEngage('WebEngage', {
				resource: 'event',
				operation: 'track',
				inputMode: 'json',
				eventJson:
					'={{ JSON.stringify({ anonymousId: $json.anon, eventName: "Signed Up", eventTime: 1767225600 }) }}',
			}),
		],
	}),
	transactional: chainWorkflow({
		id: 'weTxn',
		items: [{ id: 'peter', order: 'ABCD1234' }],
		nodes: [
			webEngage('WebEngage', {
				resource: 'transactionalCampaign',
				operation: 'trigger',
				campaignId: '~3ekekrh',
				userId: '={{ $json.id }}',
				tokensMode: 'keyValue',
				tokensValues: {
					values: [
						{ key: 'name', value: 'Peter' },
						{ key: 'orderId', value: '={{ $json.order }}' },
					],
				},
				additionalFields: { ttl: 1200, email: 'peter@example.com', phone: '+91 98765 43210' },
				dedupeTtl: 1800,
			}),
		],
	}),
	fallback: chainWorkflow({
		id: 'weTxnFallback',
		items: [{ id: 'peter' }],
		nodes: [
			webEngage('WebEngage', {
				resource: 'transactionalCampaign',
				operation: 'triggerWithFallback',
				campaignIds: '~push1, ~sms2',
				mode: 'fallback_on_delivery_failure',
				userId: '={{ $json.id }}',
				tokensMode: 'json',
				tokensJson: '{"code": 4711}',
			}),
		],
	}),
	gdpr: chainWorkflow({
		id: 'weGdpr',
		items: [{ id: 'gone-1' }],
		nodes: [
			webEngage('Delete', { resource: 'user', operation: 'delete', userId: '={{ $json.id }}' }),
			webEngage('Status', {
				resource: 'user',
				operation: 'getDeletionStatus',
				requestId: '={{ $json.requestId }}',
			}),
			webEngage('Cancel', {
				resource: 'user',
				operation: 'cancelDeletion',
				requestId: '={{ $json.requestId }}',
			}),
		],
	}),
	survey: chainWorkflow({
		id: 'weSurvey',
		nodes: [
			webEngage('WebEngage', {
				resource: 'survey',
				operation: 'getResponse',
				responseId: 'resp-1001',
			}),
		],
	}),
	business: chainWorkflow({
		id: 'weBusiness',
		nodes: [
			webEngage('Define', {
				resource: 'businessEvent',
				operation: 'createDefinition',
				eventName: 'Price Drop',
				attributes: {
					values: [
						{ attributeName: 'productId', dataType: 'string' },
						{ attributeName: 'price', dataType: 'number' },
					],
				},
			}),
			webEngage('Trigger', {
				resource: 'businessEvent',
				operation: 'trigger',
				eventName: 'Price Drop',
				eventDataMode: 'json',
				eventDataJson: '{"productId": "P-1", "price": 18.5}',
				additionalFields: { eventTime: '2026-01-05T13:06:56+05:30' },
			}),
		],
	}),
	wrongKey: chainWorkflow({
		id: 'weWrongKey',
		items: [{ id: 'u-1' }],
		nodes: [
			webEngage(
				'WebEngage',
				{ resource: 'user', operation: 'upsert', userId: '={{ $json.id }}' },
				{ credentials: WRONG_KEY_CREDENTIAL },
			),
		],
	}),
	wrongLicense: chainWorkflow({
		id: 'weWrongLicense',
		items: [{ id: 'u-1' }],
		nodes: [
			webEngage(
				'WebEngage',
				{ resource: 'user', operation: 'upsert', userId: '={{ $json.id }}' },
				{ credentials: WRONG_LICENSE_CREDENTIAL },
			),
		],
	}),
};

/** The business event workflow with a credential whose Business Events Base URL is another host. */
const BUSINESS_HOST_CREDENTIAL = {
	webEngageApi: { id: 'we-cred-biz', name: 'WebEngage (business events host)' },
};
const businessHost = {
	...JSON.parse(
		JSON.stringify(workflows.business).replace(
			/"webEngageApi":\{[^}]*\}/g,
			`"webEngageApi":${JSON.stringify(BUSINESS_HOST_CREDENTIAL.webEngageApi)}`,
		),
	),
	id: 'weBusinessHost',
	name: 'weBusinessHost',
};

describe('WebEngage events, campaigns, GDPR, surveys and business events in a real n8n', () => {
	let sim: Simulator;
	let businessSim: Simulator;
	let n8n: N8n;

	beforeAll(async () => {
		({ sim, n8n } = await startWebEngage('webengage-ops'));
		businessSim = createWebEngageSimulator();
		const businessUrl = await businessSim.start();
		await n8n.importCredentials([
			{
				...BUSINESS_HOST_CREDENTIAL.webEngageApi,
				type: 'webEngageApi',
				data: { ...demoCredential(sim.url).data, businessEventsBaseUrl: `${businessUrl}/` },
			},
		]);
		await n8n.importWorkflows([...Object.values(workflows), businessHost]);
	});

	afterAll(async () => {
		await businessSim.stop();
		await sim.stop();
		n8n.cleanup();
	});

	beforeEach(() => sim.reset());

	it('tracks one event with its time in WebEngage format and typed event data', async () => {
		const result = await n8n.execute(workflows.eventOne.id);
		expect(result.error).toBeUndefined();
		expect(result.output('WebEngage')).toEqual([
			{ userId: 'u-1', anonymousId: null, eventName: 'Added to Cart', status: 'queued' },
		]);
		const [request] = sim.accepted('trackEvent');
		expect(request.body).toEqual({
			userId: 'u-1',
			eventName: 'Added to Cart',
			eventTime: '2026-05-01T09:30:00+0530',
			eventData: { Price: 39.8, Currency: 'USD' },
		});
		expect(request.headers['x-request-id']).toMatch(/^[0-9a-f]{32}$/);
		expect(result.raw).not.toContain(WEBENGAGE_DEFAULTS.apiKey);
	});

	it('tracks a raw JSON event with an anonymous ID and a Unix time', async () => {
		const result = await n8n.execute(workflows.eventJson.id);
		expect(result.error).toBeUndefined();
		expect(sim.accepted('trackEvent')[0].body).toEqual({
			anonymousId: 'anon-9',
			eventName: 'Signed Up',
			eventTime: '2026-01-01T00:00:00+0000',
		});
	});

	it('tracks 60 events in 3 bulk calls of 25, 25 and 10, each output paired to its input', async () => {
		const result = await n8n.execute(workflows.eventMany.id);
		expect(result.error).toBeUndefined();
		const calls = sim.accepted('bulkTrackEvents');
		expect(calls.map((c) => (c.body as any).events.length)).toEqual([25, 25, 10]);
		expect(new Set(calls.map((c) => c.headers['x-request-id'])).size).toBe(3);
		const out = result.items('WebEngage');
		expect(out).toHaveLength(60);
		out.forEach((item, i) => {
			expect(item.json.userId).toBe(`ev-user-${i}`);
			expect(item.pairedItem).toEqual({ item: i });
		});
		const stored = webEngageState(sim).events;
		expect(stored).toHaveLength(60);
		expect(stored[59]).toEqual({
			userId: 'ev-user-59',
			eventName: 'Viewed Product',
			eventData: { position: 59 },
		});
	});

	it('triggers a transactional campaign with ttl, dedupe, overrides and context tokens', async () => {
		await seedUser(sim, 'peter');
		const result = await n8n.execute(workflows.transactional.id);
		expect(result.error).toBeUndefined();
		const [request] = sim.accepted('triggerTransactional');
		expect(request.path).toBe(
			`/v2/accounts/${WEBENGAGE_DEFAULTS.licenseCode}/experiments/~3ekekrh/transaction`,
		);
		const body = request.body as any;
		expect(body).toMatchObject({
			userId: 'peter',
			ttl: 1200,
			dedupe: { ttl: 1800 },
			overrideData: {
				email: 'peter@example.com',
				phone: '+919876543210',
				context: { token: { name: 'Peter', orderId: 'ABCD1234' } },
			},
		});
		expect(typeof body.txnId).toBe('string');
		const [out] = result.output('WebEngage');
		expect(out).toMatchObject({
			txnId: body.txnId,
			experimentId: '~3ekekrh',
			userId: 'peter',
			ttl: 1200,
		});
		expect(webEngageState(sim).transactions).toHaveLength(1);
	});

	it('triggers campaigns with fallback, campaign IDs in order in the query', async () => {
		const result = await n8n.execute(workflows.fallback.id);
		expect(result.error).toBeUndefined();
		const [request] = sim.accepted('triggerMultiCampaign');
		expect(request.query).toEqual({
			campaignIds: ['~push1', '~sms2'],
			mode: 'fallback_on_delivery_failure',
		});
		expect((request.body as any).overrideData).toEqual({ context: { token: { code: 4711 } } });
		expect(result.output('WebEngage')[0]).toMatchObject({
			campaignIds: ['~push1', '~sms2'],
			userId: 'peter',
		});
	});

	it('files a GDPR erasure request, reads its status and cancels it', async () => {
		await seedUser(sim, 'gone-1');
		const result = await n8n.execute(workflows.gdpr.id);
		expect(result.error).toBeUndefined();
		const [deleted] = result.output('Delete');
		expect(deleted).toMatchObject({ userId: 'gone-1', requestType: 'erasure', status: 'PENDING' });
		expect(deleted.requestId).toMatch(/^[0-9a-f-]{36}$/);
		expect(sim.accepted('createGdprRequest')[0].body).toEqual({
			subject_request_id: deleted.requestId,
			subject_request_type: 'erasure',
			subject_identities: [{ identity_type: 'cuid', identity_value: 'gone-1' }],
		});
		expect(result.output('Status')).toEqual([
			{ requestId: deleted.requestId, requestType: 'erasure', status: 'PENDING' },
		]);
		expect(result.output('Cancel')).toEqual([
			{ requestId: deleted.requestId, cancelled: true, message: 'request cancelled' },
		]);
		expect(webEngageState(sim).gdpr[deleted.requestId].status).toBe('CANCELLED');
	});

	it('gets a survey response (path without the account segment)', async () => {
		const result = await n8n.execute(workflows.survey.id);
		expect(result.error).toBeUndefined();
		expect(sim.accepted('getSurveyResponse')[0].path).toBe('/v1/survey/response/resp-1001');
		expect(result.output('WebEngage')[0]).toMatchObject({
			id: 'resp-1001',
			surveyId: 'survey-77',
			title: 'How did we do?',
		});
	});

	it('creates a business event definition and triggers the event', async () => {
		const result = await n8n.execute(workflows.business.id);
		expect(result.error).toBeUndefined();
		expect(webEngageState(sim).definitions).toEqual([
			{
				eventName: 'Price Drop',
				eventCategory: 'BUSINESS',
				attributes: [
					{ attributeName: 'productId', dataType: 'string' },
					{ attributeName: 'price', dataType: 'number' },
				],
			},
		]);
		expect(webEngageState(sim).businessEvents).toEqual([
			{
				eventName: 'Price Drop',
				eventTime: '2026-01-05T13:06:56+0530',
				eventData: { productId: 'P-1', price: 18.5 },
			},
		]);
		expect(result.output('Trigger')[0]).toMatchObject({
			eventName: 'Price Drop',
			status: 'queued',
		});
	});

	// WebEngage documents no Business Events host for India / KSA: when the data-center host does not
	// serve them, the call fails naming the credential field, and that field sends them elsewhere.
	it('sends business events to the Business Events Base URL, and a 404 from the data-center host names that field', async () => {
		sim.data.businessEvents = false;
		businessSim.reset();
		try {
			const refused = await n8n.execute(workflows.business.id);
			expect(refused.error?.message).toMatch(
				/^WebEngage returned an error \(HTTP 404\): Invalid URL \[item 0\]$/,
			);
			expect(refused.error?.description).toContain(`Business Events went to ${sim.url}`);
			expect(refused.error?.description).toContain('"Business Events Base URL"');

			const moved = await n8n.execute(businessHost.id);
			expect(moved.error).toBeUndefined();
			expect(moved.output('Trigger')[0]).toMatchObject({
				eventName: 'Price Drop',
				status: 'queued',
			});
			expect(businessSim.accepted().map((r) => r.operationId)).toEqual([
				'createBusinessEventDefinition',
				'triggerBusinessEvent',
			]);
			expect(sim.accepted('triggerBusinessEvent')).toEqual([]);
		} finally {
			delete sim.data.businessEvents;
		}
	});

	it('runs the example workflow (upsert users, then track their events) against the simulator', async () => {
		const result = await n8n.execute(workflows.example.id);
		expect(result.error).toBeUndefined();
		expect(sim.accepted('bulkUpsertUsers').map((c) => (c.body as any).users.length)).toEqual([
			25, 25, 10,
		]);
		expect(sim.accepted('bulkTrackEvents').map((c) => (c.body as any).events.length)).toEqual([
			25, 25, 10,
		]);
		const state = webEngageState(sim);
		expect(state.users['demo-5']).toMatchObject({
			firstName: 'Grace',
			attributes: { plan: 'basic' },
			updates: 1,
		});
		expect(state.events[5]).toEqual({
			userId: 'demo-5',
			eventName: 'Order Placed',
			eventTime: '2026-01-06T09:30:00+0000',
			eventData: { total: 25, currency: 'EUR' },
		});
		expect(result.output('Track Orders')).toHaveLength(60);
	});

	it('fails clearly on a wrong API key (401) without printing the key', async () => {
		const result = await n8n.execute(workflows.wrongKey.id);
		const { error } = result;
		expect(error?.message).toContain('HTTP 401');
		expect(error?.message).toContain('Unauthorized');
		expect(error?.message).toContain('[item 0]');
		expect(result.raw).not.toContain(WRONG_KEY);
		expect(result.raw).not.toContain(WEBENGAGE_DEFAULTS.apiKey);
		// The node does not retry a 401; n8n's request helper re-authenticates once (same dedupe key).
		const sent = sim.requests();
		expect(sent.length).toBeLessThanOrEqual(2);
		expect(new Set(sent.map((r) => r.headers['x-request-id'])).size).toBe(1);
	});

	it('fails clearly on an unknown license code (404)', async () => {
		const result = await n8n.execute(workflows.wrongLicense.id);
		const { error } = result;
		expect(error?.message).toContain('HTTP 404');
		expect(error?.message).toContain('Invalid URL');
		expect(result.raw).not.toContain(WEBENGAGE_DEFAULTS.apiKey);
	});
});
