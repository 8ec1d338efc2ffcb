/**
 * The five published packages, as n8n users get them: each tarball built by `npm run packages`
 * (scripts/build-packages.js, from the current dist/) is installed into a fresh n8n as a community
 * package (`~/.n8n/nodes`, no custom extension folder), and the example workflows it ships run
 * against the simulators with the demo credentials. Each per-vendor package runs alone; the bundle
 * runs alone, then beside a per-vendor package to show the two never collide.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import { REPO_ROOT } from '../../../tools/harness/env';
import { E2E_ROOT, N8n } from '../../../tools/harness/n8n';
import type { RunningSimulator } from '../../../tools/simulators';
import { startAllSimulators } from '../../../tools/simulators';

interface PackageDef {
	name: string;
	bundle?: boolean;
	nodes: string[];
	credentials: string[];
	credentialNames?: Record<string, string>;
	examples: string[];
}

const { packages } = JSON.parse(
	readFileSync(path.join(REPO_ROOT, 'packaging', 'packages.json'), 'utf8'),
) as {
	packages: PackageDef[];
};
/** Which simulator serves which example (by the vendor prefix of the example's file name). */
const SIMULATOR_OF_EXAMPLE: Record<string, string> = {
	webengage: 'webengage',
	dotdigital: 'dotdigital',
	engati: 'engati',
	engageone: 'engageone',
};

let simulators: RunningSimulator[];
let out: string;
let built: Array<{ name: string; dir: string; tarball: string; files: string[] }>;
const homes: N8n[] = [];

beforeAll(async () => {
	// Built into this run's own folder: both n8n lines run this file at the same time.
	out = path.join(E2E_ROOT, `packages-${process.pid}`);
	execFileSync(process.execPath, [path.join(REPO_ROOT, 'scripts', 'build-packages.js')], {
		env: { ...process.env, PACKAGES_OUT: out },
		stdio: 'ignore',
	});
	built = JSON.parse(readFileSync(path.join(out, 'built.json'), 'utf8'));
	simulators = await startAllSimulators({ port0: true });
});

afterAll(async () => {
	for (const home of homes) home.cleanup();
	if (out && !process.env.KEEP_N8N_E2E) rmSync(out, { recursive: true, force: true });
	await Promise.all((simulators ?? []).map((s) => s.simulator.stop()));
});

function tarballOf(name: string): string {
	const entry = built.find((b) => b.name === name);
	if (!entry) throw new Error(`${name} was not built`);
	return entry.tarball;
}

/** The demo credential for an example's vendor, under the package's credential type name. */
function credentialFor(pkg: PackageDef, example: string, idSuffix = '') {
	const vendor = SIMULATOR_OF_EXAMPLE[example.split('-')[0]];
	const sim = simulators.find((s) => s.name === vendor)!;
	const type = pkg.credentialNames?.[sim.credential.type] ?? sim.credential.type;
	return { ...sim.credential, id: sim.credential.id + idSuffix, type };
}

/** The example as the installed package ships it (read from ~/.n8n/nodes), optionally re-identified. */
function shippedExample(n8n: N8n, pkg: PackageDef, file: string, idSuffix = '') {
	const workflow = JSON.parse(
		readFileSync(path.join(n8n.nodesDir, 'node_modules', pkg.name, 'examples', file), 'utf8'),
	);
	if (idSuffix) {
		workflow.id = `${workflow.id.slice(0, 15)}${idSuffix}`;
		for (const node of workflow.nodes) {
			for (const ref of Object.values(node.credentials ?? {}) as Array<{ id: string }>)
				ref.id += idSuffix;
		}
	}
	return workflow as { id: string; nodes: Array<{ name: string; type: string }> };
}

/** Runs an imported example and checks that it succeeded and that every package node in it put out items. */
async function runExample(n8n: N8n, pkg: PackageDef, workflow: ReturnType<typeof shippedExample>) {
	const result = await n8n.execute(workflow.id);
	expect({ workflow: workflow.id, status: result.status, error: result.error }).toEqual({
		workflow: workflow.id,
		status: 'success',
		error: undefined,
	});
	const packageNodes = workflow.nodes.filter((node) => node.type.startsWith(`${pkg.name}.`));
	expect(packageNodes.length).toBeGreaterThan(0);
	for (const node of packageNodes)
		expect({ node: node.name, items: result.items(node.name).length > 0 }).toEqual({
			node: node.name,
			items: true,
		});
	expect(result.raw).not.toMatch(/Unrecognized node type|Unrecognized credential type/);
}

const vendorPackages = packages.filter((p) => !p.bundle);
const bundle = packages.find((p) => p.bundle)!;

describe.each(vendorPackages.map((p) => [p.name, p] as const))(
	'%s installed alone as a community package',
	(_name, pkg) => {
		let n8n: N8n;
		let examples: Array<ReturnType<typeof shippedExample>>;
		// Install and imports in the hook, executions in the test: each gets Jest's full timeout on a loaded machine.
		beforeAll(async () => {
			n8n = await N8n.create(`pkg-${pkg.name.replace('n8n-nodes-', '')}`, {
				communityPackages: [tarballOf(pkg.name)],
			});
			homes.push(n8n);
			examples = pkg.examples.map((file) => shippedExample(n8n, pkg, file));
			await n8n.importCredentials(pkg.examples.map((file) => credentialFor(pkg, file)));
			await n8n.importWorkflows(examples);
		});

		it('loads from ~/.n8n/nodes and runs its example workflow against the simulator', async () => {
			for (const example of examples) {
				for (const node of example.nodes.filter((n) => !n.type.startsWith('n8n-nodes-base.'))) {
					expect(node.type).toMatch(new RegExp(`^${pkg.name}\\.`));
				}
			}
			for (const example of examples) await runExample(n8n, pkg, example);
		});
	},
);

describe('n8n-nodes-engagement (the bundle) as a community package', () => {
	const vendor = vendorPackages.find((p) => p.name === 'n8n-nodes-webengage')!;
	const file = vendor.examples[0];
	let n8n: N8n;
	let bundleExamples: Array<ReturnType<typeof shippedExample>>;
	beforeAll(async () => {
		n8n = await N8n.create('pkg-bundle', { communityPackages: [tarballOf(bundle.name)] });
		homes.push(n8n);
		// Everything both tests need is imported at once (each n8n CLI call costs seconds); importing
		// does not load node types, so the vendor package's workflow can come before the package.
		await n8n.importCredentials([
			...bundle.examples.map((example) => credentialFor(bundle, example)),
			credentialFor(vendor, file, 'v'),
		]);
		bundleExamples = bundle.examples.map((example) => shippedExample(n8n, bundle, example));
		await n8n.importWorkflows(bundleExamples);
	});

	it.each(bundle.examples)('loads alone and runs the example it ships: %s', async (example) => {
		await runExample(n8n, bundle, bundleExamples[bundle.examples.indexOf(example)]);
	});

	describe('installed beside n8n-nodes-webengage', () => {
		let vendorExample: ReturnType<typeof shippedExample>;
		beforeAll(async () => {
			await n8n.installCommunityPackage(tarballOf(vendor.name));
			vendorExample = shippedExample(n8n, vendor, file, 'v');
			await n8n.importWorkflows([vendorExample]);
		});

		it('the two use different credential types', () => {
			expect(credentialFor(vendor, file).type).not.toBe(credentialFor(bundle, file).type);
		});

		it("the vendor package's example runs", async () => {
			await runExample(n8n, vendor, vendorExample);
		});

		it("the bundle's example for the same service still runs", async () => {
			await runExample(n8n, bundle, shippedExample(n8n, bundle, file));
		});
	});
});
