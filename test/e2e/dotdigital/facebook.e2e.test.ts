/**
 * Facebook Messenger → Create Metadata in a real n8n against the simulator's Facebook Meta Data
 * Service (`POST /channels/facebook/state?apiSpaceId=`, body `{profileId, data?}`, answer: the
 * metadata as text). Both documented answer forms (plain text, and the quoted string of the
 * OpenAPI example) give the same metadata; both credential modes reach their own path; a wrong API
 * space, an empty profile ID and an answer that is not the metadata fail the item, naming it.
 */
import type { Simulator } from '../../../tools/simulators/core/simulator';
import {
	demoCredential,
	DOTDIGITAL_DEFAULTS,
	dotdigitalState,
	setFacebookMetadataForm,
	tokenCredential,
} from '../../../tools/simulators/dotdigital';
import { chainWorkflow } from '../../../tools/harness/n8n';
import type { N8n, WorkflowNode } from '../../../tools/harness/n8n';
import { CREDENTIAL, DD, startDotdigital } from './helpers';

const TOKEN_CREDENTIAL = {
	dotdigitalCpaasApi: { id: 'demo-dotdigital-token', name: 'dotdigital CPaaS token (simulator)' },
};
const OPERATION = 'POST /cpaas/channels/facebook/state';
const LEGACY_OPERATION = 'POST /apispaces/{apiSpaceId}/channels/facebook/state';

const metadataNode = (
	credentials = CREDENTIAL,
	apiSpaceId = DOTDIGITAL_DEFAULTS.apiSpaceId,
): WorkflowNode => ({
	name: 'Metadata',
	type: DD,
	credentials,
	onError: 'continueRegularOutput',
	parameters: {
		resource: 'facebook',
		operation: 'createMetadata',
		profileId: '={{ $json.profile }}',
		apiSpaceId,
		additionalFields: { data: '={{ $json.data ?? "" }}' },
	},
});

const ITEMS = [{ profile: 'dave@acme.com' }, { profile: 'joe@acme.com', data: 'vip' }];

const workflows = [
	chainWorkflow({ id: 'ddFbUser', items: ITEMS, nodes: [metadataNode()] }),
	chainWorkflow({ id: 'ddFbToken', items: ITEMS, nodes: [metadataNode(TOKEN_CREDENTIAL)] }),
	chainWorkflow({
		id: 'ddFbBad',
		items: [{ profile: 'ok@acme.com' }, { profile: '   ' }, { profile: 'last@acme.com' }],
		nodes: [metadataNode()],
	}),
	chainWorkflow({
		id: 'ddFbWrongSpace',
		items: [{ profile: 'dave@acme.com' }],
		nodes: [metadataNode(CREDENTIAL, 'not-my-api-space')],
	}),
];

describe('dotdigital CPaaS Facebook Messenger metadata in a real n8n', () => {
	let sim: Simulator;
	let n8n: N8n;

	beforeAll(async () => {
		({ sim, n8n } = await startDotdigital('dd-facebook', workflows, (url) => [
			demoCredential(url),
			tokenCredential(url),
		]));
	}, 300_000);

	afterAll(async () => {
		await sim.stop();
		n8n.cleanup();
	});

	beforeEach(() => {
		sim.reset();
		setFacebookMetadataForm(sim, 'text');
	});

	const stored = () =>
		dotdigitalState(sim).facebookStates as Record<string, Record<string, unknown>>;

	for (const form of ['text', 'quotedJson'] as const) {
		it(`sends {profileId, data} with the API space and returns the metadata (answer as ${form})`, async () => {
			setFacebookMetadataForm(sim, form);
			const result = await n8n.execute('ddFbUser');
			expect(result.error).toBeUndefined();
			const requests = sim.accepted(OPERATION);
			expect(requests.map((r) => [r.query, r.body])).toEqual([
				[{ apiSpaceId: DOTDIGITAL_DEFAULTS.apiSpaceId }, { profileId: 'dave@acme.com' }],
				[
					{ apiSpaceId: DOTDIGITAL_DEFAULTS.apiSpaceId },
					{ profileId: 'joe@acme.com', data: 'vip' },
				],
			]);
			const out = result.output('Metadata');
			expect(out).toHaveLength(2);
			const tokens = Object.keys(stored());
			expect(out).toEqual([
				{
					profileId: 'dave@acme.com',
					apiSpaceId: DOTDIGITAL_DEFAULTS.apiSpaceId,
					metadata: tokens[0],
				},
				{
					profileId: 'joe@acme.com',
					apiSpaceId: DOTDIGITAL_DEFAULTS.apiSpaceId,
					metadata: tokens[1],
					data: 'vip',
				},
			]);
			// The quoted form's quotes are not part of the metadata.
			for (const item of out) expect(String(item.metadata)).not.toMatch(/"/);
			expect(stored()[String(out[1].metadata)]).toMatchObject({
				profileId: 'joe@acme.com',
				data: 'vip',
			});
		});
	}

	it('uses the legacy /apispaces/{id} path with the API space token', async () => {
		const result = await n8n.execute('ddFbToken');
		expect(result.error).toBeUndefined();
		const requests = sim.accepted(LEGACY_OPERATION);
		expect(requests).toHaveLength(2);
		expect(requests[0].path.split('?')[0]).toBe(
			`/apispaces/${DOTDIGITAL_DEFAULTS.apiSpaceId}/channels/facebook/state`,
		);
		expect(requests[0].query).toEqual({ apiSpaceId: DOTDIGITAL_DEFAULTS.apiSpaceId });
		expect(result.output('Metadata').map((o) => o.profileId)).toEqual([
			'dave@acme.com',
			'joe@acme.com',
		]);
		expect(sim.accepted(OPERATION)).toHaveLength(0);
	});

	it('fails an empty profile ID before sending, naming the item, and goes on with the others', async () => {
		const result = await n8n.execute('ddFbBad');
		const out = result.output('Metadata');
		expect(out).toHaveLength(3);
		expect(out[0].metadata).toEqual(expect.any(String));
		expect(String(out[1].error)).toMatch(/"Profile ID" is required.*\[item 1\]/);
		expect(out[2].metadata).toEqual(expect.any(String));
		expect(sim.requests(OPERATION).map((r) => (r.body as { profileId: string }).profileId)).toEqual(
			['ok@acme.com', 'last@acme.com'],
		);
	});

	it('reports the vendor refusing an API space that is not the account’s', async () => {
		const result = await n8n.execute('ddFbWrongSpace');
		const [out] = result.output('Metadata');
		expect(String(out.error)).toMatch(/dotdigital CPaaS returned an error \(HTTP 400\)/);
		expect(sim.requests(OPERATION).map((r) => r.status)).toEqual([400]);
	});

	it('asks again after an answer that is not the metadata (repeating it is harmless)', async () => {
		sim.injectFault({ kind: 'html-after-processing', count: 1, operationId: OPERATION });
		const result = await n8n.execute('ddFbUser');
		expect(result.error).toBeUndefined();
		const out = result.output('Metadata');
		expect(out.map((o) => o.metadata)).toEqual(Object.keys(stored()));
		expect(sim.requests(OPERATION)).toHaveLength(3);
	});
});
