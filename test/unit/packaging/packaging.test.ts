/**
 * The release tooling: package assembly (scripts/build-packages.js), its checks
 * (scripts/check-packages.js), the publish guard and the workflow-file check. Needs `npm run build`
 * (the assembly reads dist/); the packages are built into a temporary folder.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const build = require(path.join(ROOT, 'scripts', 'build-packages.js'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkPackage } = require(path.join(ROOT, 'scripts', 'check-packages.js'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { problems } = require(path.join(ROOT, 'scripts', 'publish-guard.js'));
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { checkWorkflow, checkProject } = require(path.join(ROOT, 'scripts', 'check-workflows.js'));
const { packages } = JSON.parse(
	readFileSync(path.join(ROOT, 'packaging', 'packages.json'), 'utf8'),
);

const haveDist = existsSync(path.join(ROOT, 'dist', 'nodes'));
const withDist = haveDist ? describe : describe.skip;

withDist('scripts/build-packages.js', () => {
	let out: string;
	let built: Array<{ name: string; dir: string; files: string[] }>;
	beforeAll(() => {
		out = mkdtempSync(path.join(os.tmpdir(), 'packages-unit-'));
		execFileSync(process.execPath, [path.join(ROOT, 'scripts', 'build-packages.js')], {
			env: { ...process.env, PACKAGES_OUT: out },
			stdio: 'ignore',
		});
		built = JSON.parse(readFileSync(path.join(out, 'built.json'), 'utf8'));
	}, 120_000);
	afterAll(() => rmSync(out, { recursive: true, force: true }));

	it('builds the five packages, and each passes the package checks', () => {
		expect(built.map((b) => b.name).sort()).toEqual([
			'n8n-nodes-dotdigital-cpaas',
			'n8n-nodes-engagement',
			'n8n-nodes-engageone-communicate',
			'n8n-nodes-engati',
			'n8n-nodes-webengage',
		]);
		for (const pkg of packages)
			expect(
				checkPackage(
					pkg,
					built.find((b) => b.name === pkg.name),
				),
			).toEqual([]);
	});

	it("ships the shared core and only the vendor's own files in a per-vendor package", () => {
		const webengage = built.find((b) => b.name === 'n8n-nodes-webengage')!;
		expect(webengage.files).toEqual(
			expect.arrayContaining([
				'dist/nodes/shared/transport.js',
				'dist/icons/webengage.svg',
				'dist/icons/webengage.dark.svg',
			]),
		);
		expect(webengage.files.filter((f) => /dotdigital|engati|engageone/i.test(f))).toEqual([]);
		const dotdigital = built.find((b) => b.name === 'n8n-nodes-dotdigital-cpaas')!;
		expect(
			JSON.parse(readFileSync(path.join(dotdigital.dir, 'package.json'), 'utf8')).n8n.nodes,
		).toEqual([
			'dist/nodes/DotdigitalCpaas/DotdigitalCpaas.node.js',
			'dist/nodes/DotdigitalCpaasTrigger/DotdigitalCpaasTrigger.node.js',
		]);
	});

	it('the package check catches a file of another vendor, a dependency and a foreign node type', () => {
		const pkg = packages.find((p: { name: string }) => p.name === 'n8n-nodes-webengage');
		const entry = built.find((b) => b.name === pkg.name)!;
		const leaked = { ...entry, files: [...entry.files, 'dist/nodes/Engati/Engati.node.js'] };
		expect(checkPackage(pkg, leaked)).toEqual([
			expect.stringContaining("ships engati's file dist/nodes/Engati/Engati.node.js"),
		]);
		expect(
			checkPackage(
				{ ...pkg, examples: [] },
				{ ...entry, files: entry.files.filter((f) => f !== 'LICENSE') },
			),
		).toEqual(['n8n-nodes-webengage: lacks LICENSE']);
	});

	it('the bundle names its credential types with the engagement prefix everywhere, a vendor package keeps the plain names', () => {
		const bundle = built.find((b) => b.name === 'n8n-nodes-engagement')!;
		const node = readFileSync(
			path.join(bundle.dir, 'dist/nodes/WebEngage/WebEngage.node.js'),
			'utf8',
		);
		expect(node).toContain("name: 'engagementWebEngageApi'");
		const vendor = built.find((b) => b.name === 'n8n-nodes-webengage')!;
		expect(
			readFileSync(path.join(vendor.dir, 'dist/credentials/WebEngageApi.credentials.js'), 'utf8'),
		).toContain("this.name = 'webEngageApi'");
		const example = JSON.parse(
			readFileSync(path.join(bundle.dir, 'examples/webengage-users-and-events.json'), 'utf8'),
		);
		const weNode = example.nodes.find(
			(n: { type: string }) => n.type === 'n8n-nodes-engagement.webEngage',
		);
		expect(Object.keys(weNode.credentials)).toEqual(['engagementWebEngageApi']);
	});
});

describe('credential renaming', () => {
	it('replaces quoted type names only, never identifiers or longer names', () => {
		const names = { webEngageApi: 'engagementWebEngageApi' };
		expect(
			build.renameCredentials(
				`exports.webEngageApi = { credentialType: 'webEngageApi', other: "webEngageApiX", b: "webEngageApi" };`,
				names,
			),
		).toBe(
			`exports.webEngageApi = { credentialType: 'engagementWebEngageApi', other: "webEngageApiX", b: "engagementWebEngageApi" };`,
		);
	});
});

describe('scripts/publish-guard.js', () => {
	it('refuses outside GitHub Actions, while a placeholder remains, and always for the repository root', () => {
		expect(problems([], {})).toEqual(
			expect.arrayContaining([expect.stringContaining('only in GitHub Actions')]),
		);
		expect(problems([], { GITHUB_ACTIONS: 'true' })).toEqual(
			expect.arrayContaining([
				expect.stringContaining('packaging/metadata.json still holds a PLACEHOLDER'),
			]),
		);
		expect(problems(['--root'], { GITHUB_ACTIONS: 'true' })).toEqual([
			expect.stringContaining('repository root is not published'),
		]);
		expect(problems(['--tag', 'v9.9.9'], { GITHUB_ACTIONS: 'true' })).toEqual(
			expect.arrayContaining([expect.stringContaining('does not match version')]),
		);
	});
});

describe('scripts/check-workflows.js', () => {
	const read = (f: string) => readFileSync(path.join(ROOT, '.github', 'workflows', f), 'utf8');
	it('accepts the project workflow files', () => {
		const ci = checkWorkflow('ci.yml', read('ci.yml'));
		const publish = checkWorkflow('publish.yml', read('publish.yml'));
		expect([...ci.errors, ...publish.errors]).toEqual([]);
		expect(checkProject({ 'ci.yml': ci.workflow, 'publish.yml': publish.workflow })).toEqual([]);
	});

	it('rejects broken YAML, a duplicate key, a step without run/uses, a missing id-token and publish without provenance', () => {
		expect(checkWorkflow('x.yml', 'name: x\non: [push\n').errors.length).toBeGreaterThan(0);
		expect(
			checkWorkflow('x.yml', 'name: x\nname: y\non: push\njobs: {}\n').errors.length,
		).toBeGreaterThan(0);
		expect(
			checkWorkflow(
				'x.yml',
				'name: x\non: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - name: nothing\n',
			).errors,
		).toEqual(['x.yml: job a step 1 needs exactly one of uses / run']);
		const publish = checkWorkflow('publish.yml', read('publish.yml')).workflow;
		const noToken = { ...publish, permissions: { contents: 'read' } };
		expect(
			checkProject({
				'ci.yml': checkWorkflow('ci.yml', read('ci.yml')).workflow,
				'publish.yml': noToken,
			}),
		).toEqual(['publish.yml lacks permissions id-token: write']);
		const noProvenance = checkWorkflow(
			'publish.yml',
			read('publish.yml').replace('--provenance', ''),
		).workflow;
		expect(
			checkProject({
				'ci.yml': checkWorkflow('ci.yml', read('ci.yml')).workflow,
				'publish.yml': noProvenance,
			}),
		).toEqual(['publish.yml does not npm publish --provenance']);
	});
});

describe('icons', () => {
	const vendors = ['webengage', 'dotdigital', 'engati', 'engageone'];
	it.each(vendors)(
		'%s has a light and a dark square 60×60 SVG mark drawn with shapes (no font-dependent text)',
		(vendor) => {
			const light = readFileSync(path.join(ROOT, 'icons', `${vendor}.svg`), 'utf8');
			const dark = readFileSync(path.join(ROOT, 'icons', `${vendor}.dark.svg`), 'utf8');
			for (const svg of [light, dark]) {
				expect(svg).toMatch(
					/^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="60" height="60" viewBox="0 0 60 60">/,
				);
				expect(svg).not.toMatch(/<text|<image|href=/);
				expect(svg.trim().endsWith('</svg>')).toBe(true);
			}
			expect(light).not.toBe(dark);
		},
	);

	it('the four marks differ from each other', () => {
		const shapes = vendors.map((v) =>
			readFileSync(path.join(ROOT, 'icons', `${v}.svg`), 'utf8').replace(/#[0-9a-f]{6}/gi, ''),
		);
		expect(new Set(shapes).size).toBe(4);
	});
});
