/**
 * Map Automatically in a real n8n: each item's JSON fields taken by name, with Fields to Ignore and
 * Rename Fields, for WebEngage users and events, dotdigital profile Upsert Many and EngageOne rows;
 * a bad item is named (item and field) and fails alone under continue-on-fail.
 */
import type { WorkflowNode } from '../../../tools/harness/n8n';
import { chainWorkflow, N8n, nodeType } from '../../../tools/harness/n8n';
import type { Simulator } from '../../../tools/simulators/core/simulator';
import {
	createDotdigitalSimulator,
	demoCredential as dotdigitalCredential,
} from '../../../tools/simulators/dotdigital';
import {
	createEngageOneSimulator,
	demoCredential as engageOneCredential,
} from '../../../tools/simulators/engageone';
import {
	createWebEngageSimulator,
	demoCredential as webEngageCredential,
	webEngageState,
} from '../../../tools/simulators/webengage';

const WE = { webEngageApi: { id: 'demo-webengage', name: 'WebEngage (simulator)' } };
const DD = { dotdigitalCpaasApi: { id: 'demo-dotdigital', name: 'dotdigital CPaaS (simulator)' } };
const EO = {
	engageOneCommunicateApi: { id: 'demo-engageone', name: 'EngageOne Communicate (simulator)' },
};

const node = (
	name: string,
	type: string,
	credentials: WorkflowNode['credentials'],
	parameters: Record<string, unknown>,
	onError?: WorkflowNode['onError'],
): WorkflowNode => ({
	name,
	type: nodeType(type),
	credentials,
	parameters,
	...(onError ? { onError } : {}),
});

const CRM_USERS = [
	{
		crm_id: 'c-1',
		email: 'ada@example.com',
		firstName: 'Ada',
		phone: '+44 20 7946 0958',
		plan: 'gold',
		score: 7,
		internal: 'do not send',
		fax: null,
	},
	{ crm_id: 'c-2', email: 'bob@example.com', plan: 'free', internal: 'x' },
	{ crm_id: 'c-3', phone: 'call me', internal: 'x' },
	{ crm_id: 'c-4', we_flag: true },
];
const RENAME = { values: [{ from: 'crm_id', to: 'userId' }] };

/** Items whose fields are read by `{{ $json.field }}` expressions: every type, missing, nested. */
const REFERENCED = [
	{
		id: 'u-1',
		email: 'ada@example.com',
		name: 'Ada',
		plan: 'gold',
		score: 7,
		vip: true,
		address: { city: 'Pune' },
		'first name': 'A',
	},
	{
		id: 42,
		email: 'bob@example.com',
		name: '  Bob ',
		plan: null,
		score: 0,
		vip: false,
		address: 'none',
	},
	{ id: 'u-3', email: { x: 1 }, name: ['x'], plan: 'free' },
	{ id: '   ', email: 'c@example.com' },
	{ email: 'd@example.com' },
	{ id: 'u-6', email: 'e@example.com', plan: 'toString', score: -1.5, address: { city: 7 } },
];

/**
 * The same Create or Update Many twice: with plain field references (read from the item by this
 * package) and with the same references in parentheses (which n8n's expression engine evaluates).
 */
const referenced = (id: string, wrap: (path: string) => string) =>
	chainWorkflow({
		id,
		items: REFERENCED,
		nodes: [
			node(
				'WebEngage',
				'webEngage',
				WE,
				{
					resource: 'user',
					operation: 'upsertMany',
					userId: wrap('$json.id'),
					additionalFields: { email: wrap('$json.email'), firstName: wrap('$json.name') },
					attributes: {
						values: [
							{ key: 'plan', value: wrap('$json.plan') },
							{ key: 'score', value: wrap('$json.score') },
							{ key: 'vip', value: wrap('$json.vip') },
							{ key: 'city', value: wrap('$json.address.city') },
							{ key: 'first', value: wrap('$json["first name"]') },
						],
					},
				},
				'continueRegularOutput',
			),
		],
	});

const workflows = {
	referencedDirect: referenced('refWeDirect', (path) => `={{ ${path} }}`),
	referencedEngine: referenced('refWeEngine', (path) => `={{ (${path}) }}`),
	users: chainWorkflow({
		id: 'autoWeUsers',
		items: CRM_USERS,
		nodes: [
			node(
				'WebEngage',
				'webEngage',
				WE,
				{
					resource: 'user',
					operation: 'upsertMany',
					inputMode: 'auto',
					ignoreFields: 'internal',
					renameFields: RENAME,
				},
				'continueRegularOutput',
			),
		],
	}),
	usersStrict: chainWorkflow({
		id: 'autoWeUsersStrict',
		items: CRM_USERS,
		nodes: [
			node('WebEngage', 'webEngage', WE, {
				resource: 'user',
				operation: 'upsertMany',
				inputMode: 'auto',
				ignoreFields: 'internal',
				renameFields: RENAME,
			}),
		],
	}),
	events: chainWorkflow({
		id: 'autoWeEvents',
		items: [
			{ userId: 'u-1', total: 9.5, sku: 'A-1' },
			{ userId: 'u-2', eventName: 'Refund', eventData: { amount: 3 } },
		],
		nodes: [
			node('WebEngage', 'webEngage', WE, {
				resource: 'event',
				operation: 'trackMany',
				inputMode: 'auto',
				autoEventName: 'Order Placed',
			}),
		],
	}),
	profiles: chainWorkflow({
		id: 'autoDdProfiles',
		items: [
			{ contactId: 'p-1', email: 'ada@example.com', firstName: 'Ada', secret: 's' },
			{ contactId: 'p-2', email: 'bob@example.com', _score: 1 },
			{ email: 'no-id@example.com' },
		],
		nodes: [
			node(
				'dotdigital',
				'dotdigitalCpaas',
				DD,
				{
					resource: 'profile',
					operation: 'upsertMany',
					inputMode: 'auto',
					ignoreFields: 'secret',
					renameFields: { values: [{ from: 'contactId', to: 'id' }] },
				},
				'continueRegularOutput',
			),
		],
	}),
	rows: chainWorkflow({
		id: 'autoEoRows',
		items: [
			{ mail: 'ada@example.com', name: 'Ada', internal: 1 },
			{ mail: 'bob@example.com', name: 'Bob', internal: 2 },
		],
		nodes: [
			node('EngageOne', 'engageOneCommunicate', EO, {
				resource: 'campaign',
				operation: 'sendTransactional',
				campaign: 'order confirmation',
				project: 'Samples',
				communication: 'Example',
				sender: 'sender@example.com',
				subject: 'Your order',
				ignoreFields: 'internal',
				renameFields: { values: [{ from: 'mail', to: 'email' }] },
			}),
		],
	}),
};

describe('Map Automatically in a real n8n', () => {
	let webengage: Simulator;
	let dotdigital: Simulator;
	let engageone: Simulator;
	let n8n: N8n;

	beforeAll(async () => {
		webengage = createWebEngageSimulator();
		dotdigital = createDotdigitalSimulator();
		engageone = createEngageOneSimulator();
		const [weUrl, ddUrl, eoUrl] = await Promise.all([
			webengage.start(),
			dotdigital.start(),
			engageone.start(),
		]);
		n8n = await N8n.create('automap');
		await n8n.importCredentials([
			webEngageCredential(weUrl),
			dotdigitalCredential(ddUrl),
			engageOneCredential(eoUrl),
		]);
		await n8n.importWorkflows(Object.values(workflows));
	});

	afterAll(async () => {
		await Promise.all([webengage.stop(), dotdigital.stop(), engageone.stop()]);
		n8n.cleanup();
	});

	beforeEach(() => {
		webengage.reset();
		dotdigital.reset();
		engageone.reset();
	});

	it('WebEngage users: known fields as user fields, the rest as attributes; bad items fail alone, named', async () => {
		const result = await n8n.execute(workflows.users.id);
		expect(result.error).toBeUndefined();
		const [call] = webengage.accepted('bulkUpsertUsers');
		expect((call.body as { users: unknown[] }).users).toEqual([
			{
				userId: 'c-1',
				email: 'ada@example.com',
				firstName: 'Ada',
				phone: '+442079460958',
				attributes: { plan: 'gold', score: 7 },
			},
			{ userId: 'c-2', email: 'bob@example.com', attributes: { plan: 'free' } },
		]);
		expect(webEngageState(webengage).users['c-1'].attributes).toEqual({ plan: 'gold', score: 7 });
		const out = result.items('WebEngage');
		expect(out.map((i) => i.pairedItem)).toEqual([0, 1, 2, 3].map((item) => ({ item })));
		expect(out[0].json).toMatchObject({ userId: 'c-1', status: 'queued' });
		expect(out[2].json.error).toMatch(
			/"Phone" is not an E\.164 phone number: "call me" \[item 2\]/,
		);
		expect(out[3].json.error).toMatch(/Input field "we_flag".*reserved prefix "we_" \[item 3\]/);
	});

	it('field expressions {{ $json.field }} give exactly what n8n evaluating them gives', async () => {
		const run = async (id: string) => {
			webengage.reset();
			const result = await n8n.execute(id);
			expect(result.error).toBeUndefined();
			return {
				sent: webengage.accepted('bulkUpsertUsers').map((call) => call.body),
				out: result.items('WebEngage').map((item) => ({
					json: item.json,
					pairedItem: item.pairedItem,
				})),
			};
		};
		const direct = await run(workflows.referencedDirect.id);
		const engine = await run(workflows.referencedEngine.id);
		expect(direct).toEqual(engine);
		// Both sent the good items and named the bad ones (so the comparison covered both kinds).
		const users = (direct.sent[0] as { users: Array<{ userId: string }> }).users;
		expect(users.map((u) => u.userId)).toEqual(expect.arrayContaining(['u-1', 'u-6']));
		expect(direct.out.filter((item) => 'error' in item.json).length).toBeGreaterThanOrEqual(2);
	});

	it('WebEngage users: without continue-on-fail the first bad item stops the node, nothing sent', async () => {
		const result = await n8n.execute(workflows.usersStrict.id);
		expect(result.error?.message).toMatch(/"Phone" is not an E\.164 phone number.*\[item 2\]/);
		expect(webengage.accepted('bulkUpsertUsers')).toHaveLength(0);
	});

	it('WebEngage events: known event fields, the rest as event data, the default event name', async () => {
		const result = await n8n.execute(workflows.events.id);
		expect(result.error).toBeUndefined();
		const [call] = webengage.accepted('bulkTrackEvents');
		expect((call.body as { events: unknown[] }).events).toEqual([
			{ userId: 'u-1', eventName: 'Order Placed', eventData: { total: 9.5, sku: 'A-1' } },
			{ userId: 'u-2', eventName: 'Refund', eventData: { amount: 3 } },
		]);
	});

	it('dotdigital profiles: fields by name, renamed id, ignored and _ fields named per item', async () => {
		const result = await n8n.execute(workflows.profiles.id);
		expect(result.error).toBeUndefined();
		const [call] = dotdigital.accepted('PATCH /cpaas/profiles/bulk');
		expect(call.body).toEqual([{ id: 'p-1', email: 'ada@example.com', firstName: 'Ada' }]);
		const out = result.output('dotdigital');
		expect(out[0]).toMatchObject({ id: 'p-1', upserted: true });
		expect(out[1].error).toMatch(/Input field "_score".*\[item 1\]/);
		expect(out[2].error).toMatch(/"id" is required but empty \[item 2\]/);
	});

	it('EngageOne rows: each item one row, less ignored fields, renamed to the email field', async () => {
		const result = await n8n.execute(workflows.rows.id);
		expect(result.error).toBeUndefined();
		const [call] = engageone.accepted('transactionalCampaignV2');
		expect((call.body as { dataset: unknown[] }).dataset).toEqual([
			{ email: 'ada@example.com', name: 'Ada' },
			{ email: 'bob@example.com', name: 'Bob' },
		]);
		expect(result.output('EngageOne')).toHaveLength(2);
	});
});
