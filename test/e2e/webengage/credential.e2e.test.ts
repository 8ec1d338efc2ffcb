/**
 * The WebEngage credential test as n8n runs it: `POST /rest/credentials/test` on a real n8n server
 * (the CLI cannot test credentials). A good credential passes; a wrong key, a wrong license code
 * (404, or 400 in the other documented reading) and a wrong data center fail, naming the field.
 */
import { N8n } from '../../../tools/harness/n8n';
import { N8nServer } from '../../../tools/harness/server';
import type { Simulator } from '../../../tools/simulators/core/simulator';
import {
	createWebEngageSimulator,
	WEBENGAGE_DEFAULTS as D,
} from '../../../tools/simulators/webengage';

describe('WebEngage credential test in a real n8n', () => {
	let sim: Simulator;
	let otherDataCenter: Simulator;
	let n8n: N8n;
	let server: N8nServer;
	const credentials: Record<
		string,
		{ id: string; name: string; type: string; data: Record<string, unknown> }
	> = {};

	beforeAll(async () => {
		sim = createWebEngageSimulator();
		const url = await sim.start();
		// Another data center: the same API, where this account does not exist.
		otherDataCenter = createWebEngageSimulator({ licenseCode: '~0ther0dc' });
		const otherUrl = await otherDataCenter.start();
		const data = {
			apiKey: D.apiKey,
			licenseCode: D.licenseCode,
			dataCenter: 'custom',
			baseUrl: url,
		};
		const variants: Record<string, Record<string, unknown>> = {
			good: data,
			wrongKey: { ...data, apiKey: 'we-wrong-key-77aa99bb' },
			wrongLicense: { ...data, licenseCode: '~deadbeef' },
			wrongDataCenter: { ...data, baseUrl: otherUrl },
		};
		for (const [name, variant] of Object.entries(variants)) {
			credentials[name] = {
				id: `we-test-${name}`,
				name: `WebEngage ${name}`,
				type: 'webEngageApi',
				data: variant,
			};
		}
		n8n = await N8n.create('we-credential-test');
		await n8n.importCredentials(Object.values(credentials));
		server = await N8nServer.start(n8n);
	}, 300_000);

	afterAll(async () => {
		await server?.stop();
		await sim?.stop();
		await otherDataCenter?.stop();
		n8n?.cleanup();
	});

	const test = async (name: string) =>
		await server.rest<{ status: string; message: string }>('POST', '/credentials/test', {
			credentials: credentials[name],
		});

	it('passes a good credential, and fails a wrong key, license code or data center naming the field', async () => {
		expect(await test('good')).toEqual({ status: 'OK', message: 'Connection successful!' });
		expect(sim.accepted('searchFeedbacks')).toHaveLength(1);
		const refused = (field: RegExp) => ({ status: 'Error', message: expect.stringMatching(field) });
		expect(await test('wrongKey')).toEqual(refused(/check the API Key \(a wrong key gives 401\)/));
		expect(await test('wrongLicense')).toEqual(refused(/the License Code \(404 or 400\)/));
		sim.data.wrongLicenseStatus = 400;
		expect(await test('wrongLicense')).toEqual(refused(/the License Code \(404 or 400\)/));
		delete sim.data.wrongLicenseStatus;
		expect(sim.requests('searchFeedbacks').map((r) => r.status)).toEqual([200, 401, 404, 400]);
		expect(await test('wrongDataCenter')).toEqual(refused(/the Data Center or Base URL/));
		expect(otherDataCenter.requests()).toHaveLength(1);
		// Nothing but the read-only search was sent.
		expect(
			sim.requests().every((r) => r.operationId === 'searchFeedbacks' || r.status >= 400),
		).toBe(true);
		expect(server.output).not.toContain(D.apiKey);
	});
});
