import type { N8n } from '../../../tools/harness/n8n';
import { chainWorkflow } from '../../../tools/harness/n8n';
import type { Simulator } from '../../../tools/simulators/core/simulator';
import { DOTDIGITAL_DEFAULTS, dotdigitalState } from '../../../tools/simulators/dotdigital';
import { node, one, startDotdigital } from './helpers';

const workflows = {
	profilesPaged: chainWorkflow({
		id: 'ddProfilesPaged',
		items: {
			js: 'return Array.from({ length: 250 }, (_, i) => ({ id: `p-${String(i).padStart(3, "0")}`, email: `p${i}@example.com` }));',
		},
		nodes: [
			node('Upsert', 'profile', 'upsertMany', {
				profileId: '={{ $json.id }}',
				profile: '={{ JSON.stringify({ email: $json.email, tier: "gold" }) }}',
			}),
			one('One'),
			node('All', 'profile', 'getMany', { returnAll: true, options: { pageSize: 100 } }),
			one('One2'),
			node('Some', 'profile', 'getMany', {
				returnAll: false,
				limit: 120,
				filters: { values: [{ field: 'tier', value: 'gold' }] },
			}),
		],
	}),
	profileCrud: chainWorkflow({
		id: 'ddProfileCrud',
		nodes: [
			node('Create', 'profile', 'create', {
				profileId: 'jane',
				profile: '{"email": "jane@example.com", "phoneNumber": "447123123123"}',
			}),
			node('Create2', 'profile', 'create', {
				profileId: 'jane-child',
				profile: '{"email": "child@example.com"}',
			}),
			node('Get', 'profile', 'get', { profileId: 'jane' }),
			node('Update', 'profile', 'update', {
				profileId: 'jane',
				profile: '{"firstName": "Jane"}',
				options: { deletes: 'phoneNumber' },
			}),
			node('Replace', 'profile', 'replace', {
				profileId: 'jane',
				profile: '{"email": "jane2@example.com", "firstName": "Jane"}',
			}),
			node('OptIn', 'profile', 'setOptIn', { profileId: 'jane', channels: ['sms', 'whatsApp'] }),
			node('OptOut', 'profile', 'clearOptIn', { profileId: 'jane', channels: ['whatsApp'] }),
			node('SetDefaults', 'profile', 'setDefaultOptIn', { settings: '{"sms": false}' }),
			node('GetDefaults', 'profile', 'getDefaultOptIn'),
			node('Link', 'profile', 'linkChild', { profileId: 'jane', linkedId: 'jane-child' }),
			node('Unlink', 'profile', 'unlinkChild', { profileId: 'jane', linkedId: 'jane-child' }),
			node('LinkPrimary', 'profile', 'linkPrimary', { profileId: 'jane-child', linkedId: 'jane' }),
			node('UnlinkPrimary', 'profile', 'unlinkPrimary', {
				profileId: 'jane-child',
				linkedId: 'jane',
			}),
			node('Export', 'profile', 'export', { format: 'json' }),
			one('One'),
			node('Delete', 'profile', 'delete', { profileId: 'jane' }),
			node('DeleteMany', 'profile', 'deleteMany', { profileId: 'jane-child' }),
		],
	}),
	// Phone numbers are stored as text; dotdigital reads an unquoted numeric filter value as a number.
	profileFilters: chainWorkflow({
		id: 'ddProfileFilters',
		nodes: [
			node('Create', 'profile', 'create', {
				profileId: 'pat',
				profile: '{"phoneNumber": "447700900123", "age": 42}',
			}),
			node('ByPhone', 'profile', 'getMany', {
				returnAll: true,
				filters: { values: [{ field: 'phoneNumber', value: '447700900123' }] },
			}),
			node('ByPlusPhone', 'profile', 'getMany', {
				returnAll: true,
				filters: {
					values: [
						{ field: 'phoneNumber', value: "'447700900123'" },
						{ field: 'age', value: '>30' },
					],
				},
			}),
			node('AgeAsNumber', 'profile', 'getMany', {
				returnAll: true,
				filters: { values: [{ field: 'age', value: '42', numbersAs: 'number' }] },
			}),
			node('Schema', 'profile', 'getSchema'),
			node('PhoneAsNumber', 'profile', 'getMany', {
				returnAll: true,
				filters: { values: [{ field: 'phoneNumber', value: '447700900123', numbersAs: 'number' }] },
			}),
		],
	}),
	profileImport: chainWorkflow({
		id: 'ddProfileImport',
		nodes: [
			node('CreateJob', 'profile', 'createImport', { importOptions: '{"format": "csv"}' }),
			{
				name: 'File',
				type: 'n8n-nodes-base.code',
				typeVersion: 2,
				parameters: {
					jsCode:
						'return [{ json: $input.first().json, binary: { data: await this.helpers.prepareBinaryData(Buffer.from("id,email\\nimp-1,a@x.com\\nimp-2,b@x.com\\n"), "people.csv", "text/csv") } }];',
				},
			},
			node('Upload', 'profile', 'uploadImport', { importId: '={{ $json.id }}' }),
			node('StartJob', 'profile', 'startImport', {
				importId: '={{ $("CreateJob").item.json.id }}',
			}),
			node('Status', 'profile', 'getImport', { importId: '={{ $("CreateJob").item.json.id }}' }),
			node('Details', 'profile', 'getImportDetails', {
				importId: '={{ $("CreateJob").item.json.id }}',
			}),
			node('Duplicates', 'profile', 'getImportDuplicates', {
				importId: '={{ $("CreateJob").item.json.id }}',
			}),
			node('History', 'profile', 'getImports', { returnAll: true }),
			node('DeleteJob', 'profile', 'deleteImport', {
				importId: '={{ $("CreateJob").item.json.id }}',
			}),
		],
	}),
	templateCrud: chainWorkflow({
		id: 'ddTemplateCrud',
		nodes: [
			node('Create', 'template', 'create', {
				newTemplateId: 'welcome',
				name: 'Welcome',
				messageParts: '[{"type": "text/plain", "data": "Hi"}]',
				templateDescription: 'Greeting',
			}),
			node('Get', 'template', 'get', { templateId: 'welcome' }),
			node('Update', 'template', 'update', {
				templateId: 'welcome',
				name: 'Welcome 2',
				messageParts: '[{"type": "text/plain", "data": "Hello"}]',
			}),
			node('List', 'template', 'getMany', { returnAll: true }),
			node('Send', 'message', 'send', {
				toType: 'email',
				email: 'a@example.com',
				rules: ['email'],
				body: '',
				additionalFields: { templateId: 'welcome' },
			}),
			node('Delete', 'template', 'delete', { templateId: 'welcome' }),
		],
	}),
	webhookCrud: chainWorkflow({
		id: 'ddWebhookCrud',
		nodes: [
			node('Events', 'webhook', 'getAvailableEvents'),
			one('One'),
			node('Templates', 'webhook', 'getAvailableTemplates'),
			one('OneTemplate'),
			node('Create', 'webhook', 'create', {
				name: 'Receipts',
				url: 'https://example.com/hook',
				events: ['message.delivered', 'message.failed'],
				additionalFields: {
					secret: 'whsec-0123456789abcdef-zz',
					batch: true,
					maxBatchSize: 50,
					batchTimeout: 5,
					filters: '[{"name": "channel", "value": "sms"}]',
				},
			}),
			node('Get', 'webhook', 'get', { webhookId: '={{ $json.id }}' }),
			node('Update', 'webhook', 'update', {
				webhookId: '={{ $json.id }}',
				name: 'Receipts 2',
				url: 'https://example.com/hook2',
				events: ['message.read'],
			}),
			node('List', 'webhook', 'getMany', { returnAll: true }),
			one('One2'),
			node('Delete', 'webhook', 'delete', { webhookId: '={{ $("Create").item.json.id }}' }),
		],
	}),
};

describe('dotdigital CPaaS profiles, templates and webhooks in a real n8n', () => {
	let sim: Simulator;
	let n8n: N8n;

	beforeAll(async () => {
		({ sim, n8n } = await startDotdigital('dotdigital-crud', Object.values(workflows)));
	}, 300_000);

	afterAll(async () => {
		await sim.stop();
		n8n.cleanup();
	});

	beforeEach(() => sim.reset());

	it('upserts 250 profiles in bulk and pages through them (Return All and Limit)', async () => {
		const result = await n8n.execute('ddProfilesPaged');
		expect(result.error).toBeUndefined();
		expect(sim.accepted('PATCH /cpaas/profiles/bulk')).toHaveLength(1);
		const all = result.output('All');
		expect(all).toHaveLength(250);
		expect(new Set(all.map((p) => p.id)).size).toBe(250);
		const pages = sim.accepted('GET /cpaas/profiles').map((r) => r.query);
		expect(pages.slice(0, 3)).toEqual([
			{ $skip: '0', $limit: '100' },
			{ $skip: '100', $limit: '100' },
			{ $skip: '200', $limit: '100' },
		]);
		expect(result.output('Some')).toHaveLength(120);
		expect(pages.slice(3).every((q) => q.tier === 'gold')).toBe(true);
		expect(result.raw).not.toContain(DOTDIGITAL_DEFAULTS.password);
	});

	it('creates, reads, updates, opts in and out, links, exports and deletes a profile', async () => {
		const result = await n8n.execute('ddProfileCrud');
		expect(result.error).toBeUndefined();
		expect(result.output('Get')[0]).toMatchObject({ id: 'jane', email: 'jane@example.com' });
		expect(result.output('Update')[0].firstName).toBe('Jane');
		expect(result.output('Update')[0].phoneNumber).toBeUndefined();
		expect(result.output('Replace')[0].email).toBe('jane2@example.com');
		expect(result.output('OptOut')[0].optIn).toEqual({ sms: true, whatsApp: false });
		expect(result.output('GetDefaults')[0]).toMatchObject({ sms: false });
		expect(result.output('Link')[0].rels).toEqual({ link: ['jane-child'] });
		expect(result.output('Unlink')[0].rels).toEqual({ link: [] });
		expect(result.output('LinkPrimary')[0].rels).toEqual({ primary: ['jane'] });
		expect(result.output('Export').length).toBeGreaterThanOrEqual(2);
		expect(result.output('Delete')[0]).toEqual({ deleted: true });
		expect(result.output('DeleteMany')[0]).toEqual({ id: 'jane-child', deleted: true });
		expect(sim.accepted('DELETE /cpaas/profiles/bulk')[0].query).toEqual({ id: 'jane-child' });
		expect(dotdigitalState(sim).profiles).toEqual({});
	});

	it('quotes numeric filter values so a phone number stored as text is found', async () => {
		const result = await n8n.execute('ddProfileFilters');
		expect(result.error).toBeUndefined();
		expect(result.output('ByPhone').map((p) => p.id)).toEqual(['pat']);
		expect(result.output('ByPlusPhone').map((p) => p.id)).toEqual(['pat']);
		expect(result.output('AgeAsNumber').map((p) => p.id)).toEqual(['pat']);
		// Sent as a number on purpose: matches no text field, as at dotdigital.
		expect(result.output('PhoneAsNumber')).toEqual([]);
		expect(result.output('Schema')).toEqual([
			{
				type: 'object',
				properties: expect.objectContaining({
					id: { type: 'string' },
					phoneNumber: { type: 'string' },
					age: { type: 'number' },
				}),
			},
		]);
		const queries = sim
			.accepted('GET /cpaas/profiles')
			.map(({ query: { $skip, $limit, ...filters } }) => filters);
		expect(queries).toEqual([
			{ phoneNumber: "'447700900123'" },
			{ phoneNumber: "'447700900123'", age: '>30' },
			{ age: '42' },
			{ $schemaOnly: 'true' },
			{ phoneNumber: '447700900123' },
		]);
	});

	it('runs a profile import job', async () => {
		const result = await n8n.execute('ddProfileImport');
		expect(result.error).toBeUndefined();
		expect(result.output('Upload')[0]).toMatchObject({ rows: 2 });
		expect(result.output('Status')[0].status).toBe('completed');
		expect(result.output('DeleteJob')[0]).toEqual({ deleted: true });
		expect(Object.keys(dotdigitalState(sim).profiles).sort()).toEqual(['imp-1', 'imp-2']);
	});

	it('manages templates and sends with one', async () => {
		const result = await n8n.execute('ddTemplateCrud');
		expect(result.error).toBeUndefined();
		expect(result.output('Get')[0]).toMatchObject({
			id: 'welcome',
			name: 'Welcome',
			description: 'Greeting',
		});
		expect(result.output('Update')[0].name).toBe('Welcome 2');
		expect(result.output('List').map((t) => t.id)).toEqual(['welcome']);
		expect(sim.accepted('POST /cpaas/messages')[0].body).toMatchObject({
			templateId: 'welcome',
			to: { email: 'a@example.com' },
		});
		expect(result.output('Delete')[0]).toEqual({ deleted: true });
	});

	it('manages webhooks', async () => {
		const result = await n8n.execute('ddWebhookCrud');
		expect(result.error).toBeUndefined();
		expect(result.output('Events').map((e) => e.type)).toContain('message.delivered');
		// The OpenAPI's path (the older reference index says /accesstokens/availabletemplates).
		expect(
			sim
				.accepted()
				.filter((r) => r.path.endsWith('/availabletemplates'))
				.map((r) => r.path),
		).toEqual(['/cpaas/webhooks/availabletemplates']);
		expect(result.output('Templates').map((t) => t.name)).toEqual(
			expect.arrayContaining(['Message events']),
		);
		expect(result.output('Templates')[0].events).toEqual(
			expect.arrayContaining(['message.sent', 'message.delivered']),
		);
		expect(sim.accepted('POST /cpaas/webhooks')[0].body).toEqual({
			name: 'Receipts',
			url: 'https://example.com/hook',
			secret: 'whsec-0123456789abcdef-zz',
			batch: true,
			maxBatchSize: 50,
			batchTimeout: 5,
			subscriptions: [
				{ type: 'message.delivered', filters: [{ name: 'channel', value: 'sms' }] },
				{ type: 'message.failed', filters: [{ name: 'channel', value: 'sms' }] },
			],
		});
		expect(result.output('Update')[0].name).toBe('Receipts 2');
		expect(result.output('List')).toHaveLength(1);
		expect(result.output('Delete')[0]).toEqual({ deleted: true });
	});
});
