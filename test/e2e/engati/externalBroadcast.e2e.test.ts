/**
 * Engati Broadcast → Send External (CSV) in a real n8n against the simulator's External Broadcast
 * API (https://help.engati.com/external-broadcast-api): a multipart/form-data upload with
 * `target_audience` (a CSV whose header is user.phone_number, user.attribute_0, …) and
 * `template_payload`. The simulator parses the multipart body and the CSV and refuses what the
 * docs rule out. Each recipient's row carries only its own values, and items whose template
 * differs never share a broadcast (issue 11 item 3).
 */
import type { ExecutionResult, WorkflowNode } from '../../../tools/harness/n8n';
import { chainWorkflow, N8n, nodeType } from '../../../tools/harness/n8n';
import type { Simulator } from '../../../tools/simulators/core/simulator';
import {
	createEngatiSimulator,
	demoCredential,
	ENGATI_DEFAULTS as D,
	engatiFailNext,
	engatiState,
	parseCsv,
} from '../../../tools/simulators/engati';

const GOOD = { engatiApi: { id: 'demo-engati', name: 'Engati (simulator)' } };
const OPERATION = 'sendExternalBroadcast';

const payloadOf = (name: string) =>
	JSON.stringify({
		name,
		namespace: 'dd96ee84_2909_4425_86ba_8a7fb56c2d2a',
		language: { policy: 'deterministic', code: 'en' },
		components: [],
	});

const externalNode = (parameters: Record<string, unknown>): WorkflowNode => ({
	name: 'Engati',
	type: nodeType('engati'),
	credentials: GOOD,
	onError: 'continueRegularOutput',
	parameters: {
		resource: 'broadcast',
		operation: 'sendExternal',
		broadcastName: 'Order updates',
		...parameters,
	},
});

const itemsNode = externalNode({
	audienceSource: 'items',
	templatePayload: '={{ $json.payload }}',
	phoneNumber: '={{ $json.phone }}',
	templateParameters: {
		parameter: [{ value: '={{ $json.name }}' }, { value: '={{ $json.order }}' }],
	},
});

/** Makes one binary CSV per input item from its `csv` text. */
const csvFiles: WorkflowNode = {
	name: 'Files',
	type: 'n8n-nodes-base.code',
	typeVersion: 2,
	parameters: {
		jsCode:
			'return await Promise.all($input.all().map(async (item, i) => ({ json: {}, binary: { data: await this.helpers.prepareBinaryData(Buffer.from(item.json.csv), `list-${i}.csv`, "text/csv") } })));',
	},
};

const ORDER = payloadOf('order_update');
const workflows = [
	chainWorkflow({
		id: 'engExtItems',
		// Item 2 uses another template: it must go out on its own, with only its own row.
		items: [
			{ phone: '+91 98765 43210', name: 'Asha, Jr.', order: 'A-1', payload: ORDER },
			{ phone: '919812345678', name: 'Ravi "R"', order: 'A-2', payload: ORDER },
			{ phone: '+1 415 555 0123', name: 'Jane', order: 'B-9', payload: payloadOf('welcome_offer') },
			{ phone: '919812345678', name: 'Ravi "R"', order: 'A-2', payload: ORDER },
		],
		nodes: [itemsNode],
	}),
	chainWorkflow({
		id: 'engExtBad',
		items: [
			{ phone: '+919876543210', name: 'Asha', order: 'A-1', payload: ORDER },
			{ phone: 'not a phone', name: 'Bad', order: 'X-1', payload: ORDER },
			{
				phone: '+919812345678',
				name: 'Ravi',
				order: 'A-2',
				payload: JSON.stringify({ phoneNumber: '+919812345678', payload: JSON.parse(ORDER) }),
			},
			{ phone: '+14155550123', name: '   ', order: 'B-9', payload: ORDER },
			{ phone: '+14155550124', name: 'Lee', order: 'B-10', payload: '{"namespace": "x"}' },
		],
		nodes: [itemsNode],
	}),
	chainWorkflow({
		id: 'engExtBinary',
		items: [
			{ csv: 'user.phone_number,user.attribute_0\r\n+919876543210,Asha\r\n+14155550123,Jane\r\n' },
			{ csv: 'phone,name\r\n+919812345678,Ravi\r\n' },
			{ csv: '\uFEFFuser.phone_number\n+919812345678\n' },
		],
		nodes: [csvFiles, externalNode({ audienceSource: 'binary', templatePayload: ORDER })],
	}),
];

describe('Engati external broadcast (CSV upload) in a real n8n', () => {
	let sim: Simulator;
	let n8n: N8n;

	beforeAll(async () => {
		sim = createEngatiSimulator();
		const url = await sim.start();
		n8n = await N8n.create('engati-external');
		await n8n.importCredentials([demoCredential(url)]);
		await n8n.importWorkflows(workflows);
	}, 300_000);

	afterAll(async () => {
		await sim.stop();
		n8n.cleanup();
	});

	beforeEach(() => sim.reset());

	const run = async (id: string): Promise<ExecutionResult> => {
		const result = await n8n.execute(id);
		expect(result.raw).not.toContain(D.apiKey);
		return result;
	};
	const broadcasts = () => engatiState(sim).broadcasts.filter((b) => b.version === 'external');
	const received = (recipient: string) =>
		engatiState(sim)
			.deliveries.filter((d) => d.recipient === recipient)
			.map((d) => d.content);

	it("builds the CSV from the items, one upload per distinct template: nobody gets another item's values", async () => {
		const result = await run('engExtItems');
		expect(result.error).toBeUndefined();
		const calls = sim.accepted(OPERATION);
		expect(calls).toHaveLength(2);
		expect(calls[0].query).toEqual({ broadcast_id: 'Order updates' });
		expect(String(calls[0].headers['content-type'])).toMatch(/^multipart\/form-data; boundary=/);
		expect(calls[0].headers.authorization).toBe(`Basic ${D.apiKey}`);
		const [orders, welcome] = broadcasts();
		expect(orders.filename).toBe('audience.csv');
		expect(orders.csv).toBe(
			'user.phone_number,user.attribute_0,user.attribute_1\r\n' +
				'+919876543210,"Asha, Jr.",A-1\r\n' +
				'+919812345678,"Ravi ""R""",A-2\r\n',
		);
		expect(parseCsv(orders.csv)[2]).toEqual(['+919812345678', 'Ravi "R"', 'A-2']);
		expect(orders.template).toEqual(JSON.parse(ORDER));
		expect(welcome.csv).toBe(
			'user.phone_number,user.attribute_0,user.attribute_1\r\n+14155550123,Jane,B-9\r\n',
		);
		expect(welcome.template.name).toBe('welcome_offer');
		expect(received('+14155550123')).toEqual([
			{ template: 'welcome_offer', parameters: ['Jane', 'B-9'] },
		]);
		expect(received('+919876543210')).toEqual([
			{ template: 'order_update', parameters: ['Asha, Jr.', 'A-1'] },
		]);
		const items = result.items('Engati');
		expect(items.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(items.map((i) => [i.json.phoneNumber, i.json.templateName, i.json.recipients])).toEqual([
			['+919876543210', 'order_update', 2],
			['+919812345678', 'order_update', 2],
			['+14155550123', 'welcome_offer', 1],
			['+919812345678', 'order_update', 2],
		]);
	});

	it('refuses bad items before sending, naming item and field; the good ones still go out', async () => {
		const result = await run('engExtBad');
		const out = result.output('Engati');
		expect(out).toHaveLength(5);
		expect(out[0]).toMatchObject({ phoneNumber: '+919876543210', recipients: 1 });
		expect(String(out[1].error)).toMatch(/"Phone Number" is not a phone number.*\[item 1\]/);
		expect(String(out[2].error)).toMatch(
			/"Template Payload \(JSON\)" is a whole template request.*\[item 2\]/,
		);
		expect(String(out[3].error)).toMatch(/"Template Parameters 1" is required.*\[item 3\]/);
		expect(String(out[4].error)).toMatch(
			/"Template Payload \(JSON\)" has no template "name".*\[item 4\]/,
		);
		expect(broadcasts().map((b) => b.csv)).toEqual([
			'user.phone_number,user.attribute_0,user.attribute_1\r\n+919876543210,Asha,A-1\r\n',
		]);
	});

	it('uploads each item’s CSV file from its binary field as its own broadcast, checking the header first', async () => {
		const result = await run('engExtBinary');
		const out = result.output('Engati');
		expect(out).toHaveLength(3);
		expect(out[0]).toMatchObject({
			fileName: 'list-0.csv',
			recipients: 2,
			templateName: 'order_update',
		});
		expect(String(out[1].error)).toMatch(
			/must start with the header user\.phone_number,user\.attribute_0.*\[item 1\]/,
		);
		expect(out[2]).toMatchObject({ fileName: 'list-2.csv', recipients: 1 });
		const sent = broadcasts();
		expect(sent.map((b) => b.filename)).toEqual(['list-0.csv', 'list-2.csv']);
		expect(sent[0].csv).toBe(
			'user.phone_number,user.attribute_0\r\n+919876543210,Asha\r\n+14155550123,Jane\r\n',
		);
		expect(received('+919812345678')).toEqual([{ template: 'order_update', parameters: [] }]);
	});

	it("reports Engati's application codes (2006 file upload failed) on the item", async () => {
		engatiFailNext(sim, 2006, OPERATION);
		const result = await run('engExtBinary');
		const out = result.output('Engati');
		expect(String(out[0].error)).toMatch(
			/Engati returned an error \(HTTP 200\) \[code 2006\].*\[item 0\]/,
		);
		expect(out[2]).toMatchObject({ recipients: 1 });
	});

	it('never replays an upload whose outcome is unknown, and says so', async () => {
		sim.injectFault({ kind: 'reset-after-processing', count: 1, operationId: OPERATION });
		const result = await run('engExtBinary');
		const out = result.items('Engati');
		expect(String(out[0].json.error)).toMatch(/Outcome unknown: Engati may have accepted/);
		expect(String(out[0].json.error)).toMatch(/\[item 0\]/);
		expect(sim.requests(OPERATION)).toHaveLength(2);
		// The reset upload was carried out once, the third item's once: never twice.
		expect(broadcasts()).toHaveLength(2);
	});
});
