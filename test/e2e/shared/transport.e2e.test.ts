/**
 * Transport guarantees in a real n8n, against two hostile loopback servers (never a vendor
 * simulator: no vendor documents these behaviours, they are what a broken or malicious endpoint
 * does). `edge` plays the vendor: it hangs, redirects to the other origin, or echoes the credential
 * in a 401. `other` is another origin (another port) that records everything that reaches it.
 * One workflow, one `n8n execute`: every node runs under continue-on-fail and gets one item.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';

import type { ExecutionResult, WorkflowNode } from '../../../tools/harness/n8n';
import { chainWorkflow, N8n, nodeType } from '../../../tools/harness/n8n';

// Made-up fixture secrets, built at run time so they read as what they are.
const WE_KEY = ['we', 'live', 'Zx81Qm', 'a7c4e9'].join('-');
const DD_USER = 'apiuser-transport@apiconnector.test';
const DD_PASSWORD = ['Pw', '9j/K+4q', 'Rt'].join('_');
const ENGATI_KEY = ['eng', 'b3a1c0de', '77f1', 'key'].join('-');
const E1_SECRET = ['e1', 'secret', 'Q2w3E4r5'].join('-');
// JWT-shaped token the edge server issues for the EngageOne exchange.
const E1_JWT = [
	'eyJhbGciOiJIUzI1NiJ9',
	'eyJzdWIiOiJ0cmFuc3BvcnQtdGVzdCJ9',
	'c2lnbmF0dXJlLWZvci10ZXN0cw',
].join('.');

const b64 = (text: string) => Buffer.from(text).toString('base64');
/** Every form a secret could take on the way back. */
const FORMS = [
	WE_KEY,
	b64(WE_KEY),
	encodeURIComponent(DD_PASSWORD),
	DD_PASSWORD,
	`${DD_USER}:${DD_PASSWORD}`,
	b64(`${DD_USER}:${DD_PASSWORD}`),
	ENGATI_KEY,
	b64(ENGATI_KEY),
	E1_SECRET,
	E1_JWT,
];

interface Seen {
	method: string;
	url: string;
	headers: http.IncomingHttpHeaders;
	body: string;
}

async function listen(
	handler: (req: http.IncomingMessage, body: string, res: http.ServerResponse) => void,
) {
	const seen: Seen[] = [];
	const sockets = new Set<import('node:net').Socket>();
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (chunk: Buffer) => chunks.push(chunk));
		req.on('end', () => {
			const body = Buffer.concat(chunks).toString('utf8');
			seen.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
			handler(req, body, res);
		});
	});
	server.on('connection', (socket) => {
		sockets.add(socket);
		socket.on('close', () => sockets.delete(socket));
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const stop = async () => {
		for (const socket of sockets) socket.destroy();
		await new Promise((resolve) => server.close(resolve));
	};
	return { url, seen, stop };
}

const json = (
	res: http.ServerResponse,
	status: number,
	body: unknown,
	headers: Record<string, string> = {},
) => {
	res.writeHead(status, { 'content-type': 'application/json', ...headers });
	res.end(JSON.stringify(body));
};

/** Every file under a folder, as text (the n8n home: database, logs, settings). */
function allFiles(dir: string): Array<{ file: string; text: string }> {
	const out: Array<{ file: string; text: string }> = [];
	for (const name of readdirSync(dir)) {
		const file = path.join(dir, name);
		const stat = statSync(file);
		if (stat.isDirectory()) out.push(...allFiles(file));
		else if (stat.size < 64 * 1024 * 1024)
			out.push({ file, text: readFileSync(file).toString('latin1') });
	}
	return out;
}

const cred = (type: string, id: string) => ({ [type]: { id, name: id } });

describe('transport guarantees in a real n8n (timeouts, redirects, echoed secrets, base URLs)', () => {
	let n8n: N8n;
	let edge: Awaited<ReturnType<typeof listen>>;
	let other: Awaited<ReturnType<typeof listen>>;
	let result: ExecutionResult;

	beforeAll(async () => {
		other = await listen((req, _body, res) => {
			if (req.url?.startsWith('/__files/')) {
				res.writeHead(200, { 'content-type': 'text/plain' });
				res.end('file from another origin');
				return;
			}
			json(res, 200, { stolen: true });
		});
		edge = await listen((req, _body, res) => {
			const url = req.url ?? '';
			const auth = String(req.headers.authorization ?? '');
			if (url.startsWith('/hang')) {
				// Never answers (the socket is destroyed when the test ends, or after 60 s).
				setTimeout(() => res.destroy(), 60_000).unref();
				return;
			}
			if (url.startsWith('/cross')) {
				json(res, 307, {}, { location: `${other.url}/landing${url}` });
				return;
			}
			if (url.startsWith('/same/')) {
				json(res, 307, {}, { location: url.replace('/same/', '/ok/') });
				return;
			}
			if (url.startsWith('/ok/')) {
				// A success that echoes what it was sent: the output must not carry it.
				json(res, 201, { response: { status: 'queued', echo: auth } });
				return;
			}
			if (url.startsWith('/dd-content/content/')) {
				json(res, 200, {
					id: 'f1',
					name: 'f.txt',
					type: 'text/plain',
					url: `${other.url}/__files/f1`,
				});
				return;
			}
			if (url.startsWith('/e1users/authenticate')) {
				json(res, 200, E1_JWT);
				return;
			}
			// Everything else: a 401 repeating the credential as received, raw and decoded.
			const token = auth.replace(/^(Bearer|Basic)\s+/i, '');
			const decoded = Buffer.from(token, 'base64').toString('utf8');
			const echo = `Invalid credential "${token}" (decoded "${decoded}", header "${auth}") for ${encodeURIComponent(decoded)}`;
			json(res, 401, {
				message: echo,
				response: { status: 'error', message: echo },
				status: { code: 401, message: echo },
			});
		});

		n8n = await N8n.create('transport');
		const we = (id: string, data: Record<string, unknown>) => ({
			id,
			name: id,
			type: 'webEngageApi',
			data: { apiKey: WE_KEY, licenseCode: '~transport', dataCenter: 'custom', ...data },
		});
		const dd = (id: string, data: Record<string, unknown>) => ({
			id,
			name: id,
			type: 'dotdigitalCpaasApi',
			data: {
				authMode: 'apiUser',
				region: 'r1',
				username: DD_USER,
				password: DD_PASSWORD,
				...data,
			},
		});
		const e1 = (id: string, data: Record<string, unknown>) => ({
			id,
			name: id,
			type: 'engageOneCommunicateApi',
			data: {
				clientId: 'client@transport.test',
				secret: E1_SECRET,
				customerId: 'tr1',
				usersApiUrl: `${edge.url}/e1users`,
				...data,
			},
		});
		await n8n.importCredentials([
			we('we-hang', { baseUrl: `${edge.url}/hang` }),
			we('we-cross', { baseUrl: `${edge.url}/cross` }),
			we('we-same', { baseUrl: `${edge.url}/same` }),
			we('we-echo', { baseUrl: `${edge.url}/echo` }),
			we('we-meta', { baseUrl: 'http://169.254.169.254/latest' }),
			we('we-ftp', { baseUrl: 'ftp://127.0.0.1/x' }),
			dd('dd-cross', { customBaseUrl: `${edge.url}/cross` }),
			dd('dd-echo', { customBaseUrl: `${edge.url}/echo` }),
			dd('dd-content', { customBaseUrl: `${edge.url}/dd-content` }),
			dd('dd-r9', { region: 'r9' }),
			{
				id: 'eng-echo',
				name: 'eng-echo',
				type: 'engatiApi',
				data: { apiKey: ENGATI_KEY, customerId: '1', botKey: 'b', baseUrl: `${edge.url}/echo` },
			},
			{
				id: 'eng-cross',
				name: 'eng-cross',
				type: 'engatiApi',
				data: { apiKey: ENGATI_KEY, customerId: '1', botKey: 'b', baseUrl: `${edge.url}/cross` },
			},
			e1('e1-hang', { apiUrl: `${edge.url}/hang` }),
			e1('e1-echo', { apiUrl: `${edge.url}/echo` }),
			e1('e1-region', { region: 'evil.example' }),
		]);

		const node = (
			name: string,
			type: string,
			credentials: WorkflowNode['credentials'],
			parameters: Record<string, unknown>,
		): WorkflowNode => ({
			name,
			type: nodeType(type),
			credentials,
			parameters,
			onError: 'continueRegularOutput',
		});
		const track = { resource: 'event', operation: 'track', userId: 'u-1', eventName: 'Opened' };
		const templates = { resource: 'template', operation: 'getMany', returnAll: true };
		const engatiUsers = {
			resource: 'user',
			operation: 'getManyByAttribute',
			attributeName: 'a',
			attributeValue: 'b',
		};
		const e1Post = {
			resource: 'apiRequest',
			operation: 'request',
			api: 'private',
			method: 'POST',
			path: '/send',
			sendBody: true,
			body: '{"a":1}',
		};
		const workflow = chainWorkflow({
			id: 'transportAll',
			nodes: [
				node('WE hang', 'webEngage', cred('webEngageApi', 'we-hang'), {
					...track,
					requestOptions: { timeout: 2 },
				}),
				node('E1 hang', 'engageOneCommunicate', cred('engageOneCommunicateApi', 'e1-hang'), {
					...e1Post,
					requestOptions: { timeout: 2 },
				}),
				node('WE cross', 'webEngage', cred('webEngageApi', 'we-cross'), track),
				node('DD cross', 'dotdigitalCpaas', cred('dotdigitalCpaasApi', 'dd-cross'), templates),
				node('Engati cross', 'engati', cred('engatiApi', 'eng-cross'), engatiUsers),
				node('WE same', 'webEngage', cred('webEngageApi', 'we-same'), track),
				node('DD content', 'dotdigitalCpaas', cred('dotdigitalCpaasApi', 'dd-content'), {
					resource: 'content',
					operation: 'get',
					fileId: 'f1',
					binaryPropertyName: 'data',
				}),
				node('WE echo', 'webEngage', cred('webEngageApi', 'we-echo'), track),
				node('DD echo', 'dotdigitalCpaas', cred('dotdigitalCpaasApi', 'dd-echo'), templates),
				node('Engati echo', 'engati', cred('engatiApi', 'eng-echo'), engatiUsers),
				node('E1 echo', 'engageOneCommunicate', cred('engageOneCommunicateApi', 'e1-echo'), e1Post),
				node('WE meta', 'webEngage', cred('webEngageApi', 'we-meta'), track),
				node('WE ftp', 'webEngage', cred('webEngageApi', 'we-ftp'), track),
				node('DD r9', 'dotdigitalCpaas', cred('dotdigitalCpaasApi', 'dd-r9'), templates),
				node(
					'E1 region',
					'engageOneCommunicate',
					cred('engageOneCommunicateApi', 'e1-region'),
					e1Post,
				),
			],
		});
		await n8n.importWorkflows([workflow]);
		result = await n8n.execute(workflow.id);
	});

	afterAll(async () => {
		// DEBUG_TRANSPORT=1 prints each node's first output item and what the edge server saw (no headers).
		if (process.env.DEBUG_TRANSPORT) {
			for (const name of Object.keys(result.data.data.resultData.runData)) {
				process.stderr.write(
					`${name} ${timeOf(name)}ms ${JSON.stringify(result.output(name)[0]).slice(0, 300)}\n`,
				);
			}
			process.stderr.write(
				`${JSON.stringify(edge.seen.map((r) => [r.method, r.url, r.headers.authorization ? 'auth' : '-']))}\n`,
			);
		}
		await edge?.stop();
		await other?.stop();
		n8n?.cleanup();
	});

	const errorOf = (name: string) => String(result.output(name)[0]?.error ?? '');
	const timeOf = (name: string) =>
		Number(result.data.data.resultData.runData[name][0].executionTime);
	const edgeSeen = (prefix: string) => edge.seen.filter((r) => r.url.startsWith(prefix));

	it('a vendor that never answers: the item ends within the timeout (a replay-safe call is sent once more)', () => {
		expect(result.error).toBeUndefined();
		// Track carries a dedupe key, so one more attempt is harmless: 2 × 2 s.
		expect(errorOf('WE hang')).toBe('WebEngage did not answer within 2 s (2 attempts) [item 0]');
		expect(edgeSeen('/hang/v1/accounts')).toHaveLength(2);
		expect(timeOf('WE hang')).toBeLessThan(2 * 2000 + 1500);
		// A POST without a dedupe key may have arrived: not sent again, and reported as an unknown outcome.
		expect(errorOf('E1 hang')).toBe(
			'Outcome unknown: EngageOne Communicate may have accepted this request (no answer within 2 s) [item 0]',
		);
		expect(edgeSeen('/hang/send')).toHaveLength(1);
		expect(timeOf('E1 hang')).toBeLessThan(2000 + 1500);
	});

	it('0 credentials and 0 bodies sent to another origin (redirects and absolute URLs)', () => {
		for (const name of ['WE cross', 'DD cross', 'Engati cross']) {
			expect(errorOf(name)).toMatch(
				new RegExp(
					`redirected the request to another origin \\(${other.url.replace(/\./g, '\\.')}\\)`,
				),
			);
		}
		expect(edgeSeen('/cross')).toHaveLength(3);
		// Content Get takes the file from GET /content/{id} itself (dotdigital's OpenAPI): a `url` in the
		// answer is never requested, with or without the credential.
		expect(other.seen).toEqual([]);
		expect(result.items('DD content')[0].binary?.data).toBeDefined();
	});

	it('a same-origin redirect is followed with the credential; an echo in a success is masked', () => {
		const [first, second] = edgeSeen('/same').concat(edgeSeen('/ok'));
		expect(first.method).toBe('POST');
		expect(second.method).toBe('POST');
		expect(second.headers.authorization).toBe(`Bearer ${WE_KEY}`);
		expect(second.body).toBe(first.body);
		expect(result.output('WE same')[0]).toMatchObject({ status: 'queued', echo: 'Bearer ***' });
	});

	it('a 401 echoing the credential (raw, base64, URL-encoded): the error keeps the message, not the secret', () => {
		expect(errorOf('WE echo')).toContain(
			'WebEngage returned an error (HTTP 401): Invalid credential "***"',
		);
		expect(errorOf('DD echo')).toContain('Invalid credential "***" (decoded "***"');
		expect(errorOf('Engati echo')).toContain('Invalid credential "***"');
		expect(errorOf('E1 echo')).toContain('Invalid credential "***"');
		// EngageOne renewed its token once on the 401, as n8n does, and failed with the second 401.
		expect(edgeSeen('/e1users/authenticate').length).toBeGreaterThanOrEqual(1);
	});

	it("0 echoed secrets anywhere: n8n's printed output and every file of its home (the stored execution)", () => {
		for (const form of FORMS) expect(result.raw).not.toContain(form);
		const files = allFiles(n8n.home);
		// The run is stored: its error texts are in the database.
		expect(files.some((f) => f.text.includes('did not answer within 2 s'))).toBe(true);
		for (const { file, text } of files) {
			for (const form of FORMS) {
				if (text.includes(form))
					throw new Error(`${path.relative(n8n.home, file)} holds a secret form`);
			}
		}
	});

	it('base URLs and regions are checked before any request, naming the field', () => {
		expect(errorOf('WE meta')).toMatch(
			/^WebEngage credential: "Base URL" points at the link-local address 169\.254\.169\.254/,
		);
		expect(errorOf('WE ftp')).toMatch(
			/^WebEngage credential: "Base URL" must start with https:\/\/ or http:\/\//,
		);
		expect(errorOf('DD r9')).toMatch(
			/^dotdigital CPaaS credential: "Region" is "r9", which is not a known value \(r1, r2, r3\)/,
		);
		expect(errorOf('E1 region')).toMatch(
			/^EngageOne Communicate credential: "Region" is "evil\.example"/,
		);
		for (const name of ['WE meta', 'WE ftp', 'DD r9', 'E1 region'])
			expect(errorOf(name)).not.toContain('returned an error');
	});
});
