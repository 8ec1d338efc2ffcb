/**
 * Issue 9, "Bad input": 200+ bad inputs across the nodes and credentials, run in a real n8n. Each
 * case group is one workflow whose items are the cases (On Error → Continue), so one `n8n execute`
 * checks dozens of cases; the credential cases are one workflow of nodes each using its own
 * credential. Every case must give an error naming its item and field, or the documented safe
 * handling; and no simulator may receive garbage (`[object Object]`, control characters, lone
 * surrogates, a refused item's data).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

import type { CredentialFixture, OutputItem, WorkflowNode } from '../../../tools/harness/n8n';
import { chainWorkflow, N8n, nodeType } from '../../../tools/harness/n8n';
import { REPO_ROOT } from '../../../tools/harness/env';
import type { RecordedRequest, Simulator } from '../../../tools/simulators/core/simulator';
import * as dotdigital from '../../../tools/simulators/dotdigital';
import * as engageone from '../../../tools/simulators/engageone';
import * as engati from '../../../tools/simulators/engati';
import * as webengage from '../../../tools/simulators/webengage';
import type { BadCase, CaseGroup, CredentialCase, Expectation, Vendor } from './cases';
import { CREDENTIAL_CASES, EXPAND_SPECIAL_JS, GROUPS } from './cases';

jest.setTimeout(600_000);

const SIMULATORS: Record<
	Vendor,
	{ create: () => Simulator; credential: (url: string) => CredentialFixture; credentialKey: string }
> = {
	webengage: {
		create: () => webengage.createWebEngageSimulator(),
		credential: webengage.demoCredential,
		credentialKey: 'webEngageApi',
	},
	dotdigital: {
		create: () => dotdigital.createDotdigitalSimulator(),
		credential: dotdigital.demoCredential,
		credentialKey: 'dotdigitalCpaasApi',
	},
	engati: {
		create: () => engati.createEngatiSimulator(),
		credential: engati.demoCredential,
		credentialKey: 'engatiApi',
	},
	engageone: {
		create: () => engageone.createEngageOneSimulator(),
		credential: engageone.demoCredential as (url: string) => CredentialFixture,
		credentialKey: 'engageOneCommunicateApi',
	},
};

/** A node that uses each vendor's credential in the credential cases: cheap and read-only where possible. */
const CREDENTIAL_PROBE: Record<Vendor, { node: string; parameters: Record<string, unknown> }> = {
	webengage: {
		node: 'webEngage',
		parameters: { resource: 'user', operation: 'upsert', inputMode: 'fields', userId: 'bi-cred' },
	},
	dotdigital: {
		node: 'dotdigitalCpaas',
		parameters: { resource: 'profile', operation: 'get', profileId: 'bi-cred' },
	},
	engati: {
		node: 'engati',
		parameters: {
			resource: 'user',
			operation: 'getManyByAttribute',
			attributeName: 'city',
			attributeValue: 'Pune',
			returnAll: false,
			limit: 1,
		},
	},
	engageone: {
		node: 'engageOneCommunicate',
		parameters: {
			resource: 'apiRequest',
			operation: 'request',
			api: 'private',
			method: 'GET',
			path: '/campaigns',
			sendBody: false,
		},
	},
};

const sims = {} as Record<Vendor, Simulator>;
const urls = {} as Record<Vendor, string>;
let n8n: N8n;
const failures: string[] = [];
const garbage: string[] = [];
let passed = 0;

const credentialRef = (vendor: Vendor, id: string, name: string) => ({
	[SIMULATORS[vendor].credentialKey]: { id, name },
});

/** A marker unique to one case (no tag is a prefix of another). */
const tagOf = (group: CaseGroup, i: number) => `bi-${group.id}-${i}x`;

function groupWorkflow(group: CaseGroup) {
	const inputs = group.cases.map((c, i) => ({ ...group.base, tag: tagOf(group, i), ...c.input }));
	const demo = SIMULATORS[group.vendor].credential('http://unused');
	return chainWorkflow({
		id: group.id,
		items: { js: `${EXPAND_SPECIAL_JS}\nreturn ${JSON.stringify(inputs)}.map(expandSpecial);` },
		nodes: [
			{
				name: 'Node',
				type: nodeType(group.node),
				credentials: credentialRef(group.vendor, demo.id, demo.name),
				parameters: group.parameters,
				onError: 'continueRegularOutput',
			},
		],
	});
}

const credentialCaseId = (i: number) => `bicred${String(i).padStart(3, '0')}`;

function credentialWorkflow() {
	const nodes = CREDENTIAL_CASES.map((c, i): WorkflowNode => {
		const probe = CREDENTIAL_PROBE[c.vendor];
		return {
			name: `Case ${i}`,
			type: nodeType(probe.node),
			credentials: credentialRef(c.vendor, credentialCaseId(i), `bad input ${i}`),
			parameters: probe.parameters,
			onError: 'continueRegularOutput',
			executeOnce: true,
		} as WorkflowNode;
	});
	return chainWorkflow({ id: 'bicredentials', items: [{}], nodes });
}

async function recorded(vendor: Vendor): Promise<RecordedRequest[]> {
	const response = await fetch(`${urls[vendor]}/__control/requests`);
	return (await response.json()) as RecordedRequest[];
}

async function resetAll(): Promise<void> {
	for (const vendor of Object.keys(sims) as Vendor[])
		await fetch(`${urls[vendor]}/__control/requests`, { method: 'DELETE' });
}

function strings(value: unknown, out: string[] = []): string[] {
	if (typeof value === 'string') out.push(value);
	else if (Array.isArray(value)) value.forEach((v) => strings(v, out));
	else if (value && typeof value === 'object') {
		for (const [k, v] of Object.entries(value)) {
			out.push(k);
			strings(v, out);
		}
	}
	return out;
}

function safeDecode(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

/** Everything a request carried, as text to search. */
function requestText(r: RecordedRequest): string {
	return [
		r.path,
		safeDecode(r.path),
		JSON.stringify(r.query),
		JSON.stringify(r.body ?? null),
		...strings(r.query),
		...strings(r.body),
	].join('\n');
}

const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** What no vendor may ever receive. */
function garbageIn(r: RecordedRequest): string | undefined {
	for (const s of [safeDecode(r.path), ...strings(r.query), ...strings(r.body)]) {
		if (s.includes('[object Object]')) return '[object Object]';
		if (CONTROL.test(s)) return `a control character (${JSON.stringify(s.slice(0, 40))})`;
		if (LONE_SURROGATE.test(s)) return 'a lone surrogate';
		if (s === 'NaN' || s === 'undefined' || s === 'Infinity') return s;
		if (/^\s+$/.test(s)) return 'a whitespace-only value';
	}
	if (/\/\.\.?(\/|$)/.test(r.path)) return `a dot segment in the path ${r.path}`;
	if (Buffer.byteLength(JSON.stringify(r.body ?? null)) > 10 * 1024 * 1024)
		return 'a body over 10 MB';
	return undefined;
}

function pairedTo(item: OutputItem): number[] {
	const p = item.pairedItem;
	if (p === undefined) return [];
	return (Array.isArray(p) ? p : [p]).map((x) => x.item);
}

const INPUT_ERROR =
	/is required|must |is not |not valid|invalid|has |contains|refused|starts with|longer|shorter|needs|expected/i;

/** Checks one case's outputs; returns why it failed, or undefined. */
function check(
	label: string,
	index: number,
	expect: Expectation,
	outs: OutputItem[],
	texts: string[],
	tag?: string,
): string | undefined {
	const errors = outs
		.map((o) => o.json.error as string | undefined)
		.filter((e): e is string => typeof e === 'string');
	if ('error' in expect) {
		if (errors.length === 0)
			return `${label}: expected an error naming "${expect.error}", got ${JSON.stringify(outs.map((o) => o.json)).slice(0, 300)}`;
		const message = errors[0];
		if (!message.includes(`[item ${index}]`))
			return `${label}: error does not name item ${index}: ${message.slice(0, 300)}`;
		if (!message.toLowerCase().includes(expect.error.toLowerCase()))
			return `${label}: error does not name "${expect.error}": ${message.slice(0, 300)}`;
		if (expect.also && !expect.also.test(message))
			return `${label}: error does not say ${expect.also}: ${message.slice(0, 300)}`;
		if (tag && texts.some((t) => t.includes(tag)))
			return `${label}: refused item's data reached the vendor`;
		return undefined;
	}
	if (errors.length > 0) {
		const message = errors[0];
		if (!expect.vendorMayRefuse || INPUT_ERROR.test(message.replace(/returned an error.*/, ''))) {
			return `${label}: expected ${expect.safe} handling, got error: ${message.slice(0, 300)}`;
		}
	}
	// A list that is empty in the simulator gives no items: then what was asked for is checked.
	if (outs.length === 0 && !expect.sent) return `${label}: no output item`;
	if (expect.sent && !texts.some((t) => t.includes(expect.sent!)))
		return `${label}: vendor did not receive ${JSON.stringify(expect.sent)}`;
	if (tag && !expect.sent && !texts.some((t) => t.includes(tag)))
		return `${label}: item was not sent`;
	return undefined;
}

function record(failure: string | undefined) {
	if (failure) failures.push(failure);
	else passed++;
}

beforeAll(async () => {
	for (const vendor of Object.keys(SIMULATORS) as Vendor[]) {
		sims[vendor] = SIMULATORS[vendor].create();
		urls[vendor] = await sims[vendor].start();
	}
	n8n = await N8n.create('badinput');
	const credentials: CredentialFixture[] = (Object.keys(SIMULATORS) as Vendor[]).map((v) =>
		SIMULATORS[v].credential(urls[v]),
	);
	CREDENTIAL_CASES.forEach((c: CredentialCase, i) => {
		const demo = SIMULATORS[c.vendor].credential(urls[c.vendor]);
		credentials.push({
			...demo,
			id: credentialCaseId(i),
			name: `bad input ${i}`,
			data: { ...demo.data, ...c.data },
		});
	});
	await n8n.importCredentials(credentials);
	await n8n.importWorkflows([...GROUPS.map(groupWorkflow), credentialWorkflow()]);
});

afterAll(async () => {
	for (const sim of Object.values(sims)) await sim.stop();
	n8n?.cleanup();
	const cases = passed + failures.length;
	const dir = path.join(REPO_ROOT, '.tmp');
	mkdirSync(dir, { recursive: true });
	writeFileSync(
		path.join(dir, 'badinput-summary.json'),
		JSON.stringify(
			{
				cases,
				passed,
				failed: failures.length,
				garbageRequests: garbage.length,
				failures,
				garbage,
			},
			null,
			2,
		),
	);
});

describe('bad input in a real n8n', () => {
	for (const group of GROUPS) {
		it(`${group.id}: ${group.cases.length} cases (${group.parameters.resource} ${group.parameters.operation})`, async () => {
			await resetAll();
			const result = await n8n.execute(group.id);
			const items = result.items('Node');
			const requests = await recorded(group.vendor);
			const texts = requests.map(requestText);
			const before = failures.length;
			const garbageBefore = garbage.length;
			group.cases.forEach((c: BadCase, i) => {
				const outs = items.filter((item) => pairedTo(item).includes(i));
				record(
					check(
						`${group.id} #${i} ${c.name}`,
						i,
						c.expect,
						outs,
						texts,
						group.tagged ? tagOf(group, i) : undefined,
					),
				);
			});
			for (const r of requests) {
				const found = garbageIn(r);
				if (found)
					garbage.push(`${group.id}: garbage sent to ${r.method} ${r.path.slice(0, 80)}: ${found}`);
			}
			expect([...failures.slice(before), ...garbage.slice(garbageBefore)]).toEqual([]);
		});
	}

	it(`credentials: ${CREDENTIAL_CASES.length} cases`, async () => {
		await resetAll();
		const result = await n8n.execute('bicredentials');
		const before = failures.length;
		const garbageBefore = garbage.length;
		CREDENTIAL_CASES.forEach((c, i) => {
			let outs: OutputItem[] = [];
			try {
				outs = result.items(`Case ${i}`);
			} catch {
				outs = [];
			}
			const label = `credential #${i} ${c.name}`;
			record(
				check(
					label,
					0,
					c.expect,
					outs.map((o) => ({ ...o, pairedItem: { item: 0 } })),
					[],
				),
			);
		});
		for (const vendor of Object.keys(sims) as Vendor[]) {
			for (const r of await recorded(vendor)) {
				const found = garbageIn(r);
				if (found)
					garbage.push(
						`credentials: garbage sent to ${vendor} ${r.method} ${r.path.slice(0, 80)}: ${found}`,
					);
			}
		}
		expect([...failures.slice(before), ...garbage.slice(garbageBefore)]).toEqual([]);
	});
});
