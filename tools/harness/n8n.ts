/**
 * Runs workflows in a real, pinned n8n with this package loaded from a snapshot of dist/ (so a
 * rebuild during a run cannot change the code under test). Each instance has its own user folder
 * and SQLite database under .tmp/n8n-e2e/.
 */
import { execFile, spawn } from 'node:child_process';
import {
	closeSync,
	cpSync,
	existsSync,
	mkdirSync,
	openSync,
	readFileSync,
	renameSync,
	rmSync,
	writeFileSync,
} from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import type { SimulatorCredential } from '../simulators/core/simulator';
import { assertN8nInstalled, N8N_BIN, n8nEnv, NODE24_BIN, perProcessEnv, REPO_ROOT } from './env';

const run = promisify(execFile);
let cliCounter = 0;

/** A credential as `n8n import:credentials` takes it (plaintext `data`, encrypted by n8n). */
export type CredentialFixture = SimulatorCredential;

export interface OutputItem {
	json: Record<string, any>;
	pairedItem?: { item: number } | Array<{ item: number }>;
	binary?: Record<string, any>;
}

export interface ExecutionResult {
	/** n8n's execution status: `success`, `error`, … */
	status: string;
	/** The items a node put out on its first run (main output `outputIndex`). */
	items(nodeName: string, outputIndex?: number): OutputItem[];
	/** The JSON of those items. */
	output(nodeName: string, outputIndex?: number): Array<Record<string, any>>;
	/** The workflow's error, when the run failed. */
	error?: { message: string; description?: string; node?: string };
	/** Everything n8n printed (stdout and stderr): assert that secrets never appear in it. */
	raw: string;
	/** The parsed run data as n8n printed it. */
	data: any;
}

export interface WorkflowNode {
	name: string;
	type: string;
	parameters?: Record<string, unknown>;
	typeVersion?: number;
	credentials?: Record<string, { id: string; name: string }>;
	/** n8n's node setting "On Error": `continueRegularOutput` is continue-on-fail. */
	onError?: 'stopWorkflow' | 'continueRegularOutput' | 'continueErrorOutput';
	webhookId?: string;
}

/** The package's node types as a custom extension: `CUSTOM.<name>`. */
export const nodeType = (name: string) => `CUSTOM.${name}`;

let instanceCounter = 0;

/** Where n8n homes live: outside the repo (see `create`), kept with KEEP_N8N_E2E=1 for debugging. */
export const E2E_ROOT = process.env.N8N_E2E_ROOT ?? path.join(os.tmpdir(), 'n8n-engagement-e2e');

export class N8n {
	private workflowCounter = 0;

	private constructor(
		readonly home: string,
		readonly extensionDir: string,
	) {}

	/**
	 * A fresh n8n home with a snapshot of the built package, or, with `communityPackages` (tarballs
	 * from `npm run packages`), with those installed as n8n installs community packages into
	 * `~/.n8n/nodes` and no custom extension folder: node types are then `<package>.<node>`.
	 */
	static async create(label: string, options: { communityPackages?: string[] } = {}): Promise<N8n> {
		assertN8nInstalled();
		const home = path.join(E2E_ROOT, `${label}-${process.pid}-${++instanceCounter}`);
		rmSync(home, { recursive: true, force: true });
		mkdirSync(home, { recursive: true });
		if (options.communityPackages) {
			const n8n = new N8n(home, '');
			for (const tarball of options.communityPackages) await n8n.installCommunityPackage(tarball);
			return n8n;
		}
		const dist = path.join(REPO_ROOT, 'dist');
		if (!existsSync(path.join(dist, 'nodes')))
			throw new Error('dist/ is missing: run `npm run build` first');
		// The snapshot sits outside the repo, with no node_modules above it: as in a real install (n8n
		// drops a community package's peer dependencies), `require('n8n-workflow')` resolves to the
		// n8n-workflow of the n8n under test, not to this repo's dev copy.
		const extensionDir = path.join(home, 'extension');
		cpSync(dist, extensionDir, { recursive: true });
		return new N8n(home, extensionDir);
	}

	/** The user folder's community-package folder (`~/.n8n/nodes`). */
	get nodesDir(): string {
		return path.join(this.home, 'user', '.n8n', 'nodes');
	}

	/**
	 * Installs a package tarball the way n8n's community-package installer does (n8n 2.x
	 * CommunityPackagesService.downloadPackage): unpack into `~/.n8n/nodes/node_modules/<name>`, drop
	 * dev/peer/optional dependencies from its package.json, `npm install` inside it with scripts off,
	 * and list it in `~/.n8n/nodes/package.json`. Works offline: the packages have no dependencies.
	 * Takes effect at the next n8n process (every CLI call is one).
	 */
	async installCommunityPackage(tarball: string): Promise<{ name: string; version: string }> {
		const unpacked = path.join(this.home, `unpack-${Date.now()}`);
		mkdirSync(unpacked, { recursive: true });
		await run('tar', ['-xzf', tarball, '-C', unpacked, '--strip-components=1']);
		const { devDependencies, peerDependencies, optionalDependencies, ...manifest } = JSON.parse(
			readFileSync(path.join(unpacked, 'package.json'), 'utf8'),
		);
		void devDependencies;
		void peerDependencies;
		void optionalDependencies;
		const target = path.join(this.nodesDir, 'node_modules', manifest.name);
		rmSync(target, { recursive: true, force: true });
		mkdirSync(path.dirname(target), { recursive: true });
		renameSync(unpacked, target);
		writeFileSync(path.join(target, 'package.json'), JSON.stringify(manifest, null, 2));
		await run(
			'npm',
			[
				'install',
				'--offline',
				'--audit=false',
				'--fund=false',
				'--bin-links=false',
				'--install-strategy=shallow',
				'--ignore-scripts=true',
				'--package-lock=false',
			],
			{ cwd: target },
		);
		const listFile = path.join(this.nodesDir, 'package.json');
		const list = existsSync(listFile)
			? JSON.parse(readFileSync(listFile, 'utf8'))
			: { name: 'installed-nodes', private: true, dependencies: {} };
		list.dependencies[manifest.name] = manifest.version;
		writeFileSync(listFile, JSON.stringify(list, null, 2));
		return { name: manifest.name, version: manifest.version };
	}

	env(extra: Record<string, string> = {}) {
		return n8nEnv(path.join(this.home, 'user'), this.extensionDir, extra);
	}

	/**
	 * Runs an n8n CLI command to completion; returns stdout and stderr. Its output goes to files, not
	 * pipes: n8n exits as soon as the run is printed, and a pipe would lose what was not yet read
	 * (seen: a 10,000-item run cut off after 3 MB).
	 */
	async cli(
		args: string[],
		extraEnv: Record<string, string> = {},
	): Promise<{ stdout: string; stderr: string; code: number }> {
		const base = path.join(this.home, `cli-${process.pid}-${++cliCounter}`);
		const outFd = openSync(`${base}.out`, 'w');
		const errFd = openSync(`${base}.err`, 'w');
		try {
			const env = this.env({ ...(await perProcessEnv()), ...extraEnv });
			const code = await new Promise<number>((resolve) => {
				const child = spawn(path.join(NODE24_BIN, 'node'), [N8N_BIN, ...args], {
					env,
					cwd: this.home,
					stdio: ['ignore', outFd, errFd],
				});
				const timer = setTimeout(() => child.kill('SIGKILL'), 600_000);
				child.on('error', () => {
					clearTimeout(timer);
					resolve(1);
				});
				child.on('exit', (exitCode) => {
					clearTimeout(timer);
					resolve(exitCode ?? 1);
				});
			});
			return {
				stdout: readFileSync(`${base}.out`, 'utf8'),
				stderr: readFileSync(`${base}.err`, 'utf8'),
				code,
			};
		} finally {
			closeSync(outFd);
			closeSync(errFd);
			rmSync(`${base}.out`, { force: true });
			rmSync(`${base}.err`, { force: true });
		}
	}

	/** Imports credentials; `extraEnv` points the CLI at another database (a queue-mode cluster's). */
	async importCredentials(
		credentials: CredentialFixture[],
		extraEnv: Record<string, string> = {},
	): Promise<void> {
		const file = path.join(this.home, `credentials-${Date.now()}.json`);
		writeFileSync(file, JSON.stringify(credentials));
		const result = await this.cli(['import:credentials', `--input=${file}`], extraEnv);
		rmSync(file, { force: true }); // plaintext secrets do not stay on disk
		if (result.code !== 0 || !/Successfully imported/.test(result.stdout + result.stderr)) {
			throw new Error(`import:credentials failed:\n${result.stdout}\n${result.stderr}`);
		}
	}

	async importWorkflows(workflows: object[], extraEnv: Record<string, string> = {}): Promise<void> {
		const dir = path.join(this.home, `workflows-${Date.now()}`);
		mkdirSync(dir, { recursive: true });
		workflows.forEach((workflow, i) =>
			writeFileSync(path.join(dir, `${i}.json`), JSON.stringify(workflow)),
		);
		const result = await this.cli(['import:workflow', '--separate', `--input=${dir}`], extraEnv);
		if (result.code !== 0 || !/Successfully imported/.test(result.stdout + result.stderr)) {
			throw new Error(`import:workflow failed:\n${result.stdout}\n${result.stderr}`);
		}
	}

	/** Executes an imported workflow with `n8n execute --id` and parses the run it prints. */
	async execute(
		workflowId: string,
		extraEnv: Record<string, string> = {},
	): Promise<ExecutionResult> {
		const { stdout, stderr } = await this.cli(
			['execute', `--id=${workflowId}`, '--rawOutput'],
			extraEnv,
		);
		return parseExecution(stdout, stderr);
	}

	/** Imports one workflow and executes it. */
	async run(workflow: { id: string }): Promise<ExecutionResult> {
		await this.importWorkflows([workflow]);
		return await this.execute(workflow.id);
	}

	nextWorkflowId(prefix = 'wf'): string {
		return `${prefix}${String(++this.workflowCounter).padStart(4, '0')}${String(instanceCounter).padStart(2, '0')}`.slice(
			0,
			16,
		);
	}

	cleanup(): void {
		if (!process.env.KEEP_N8N_E2E) rmSync(this.home, { recursive: true, force: true });
	}
}

/**
 * The JSON object at the start of `text`. n8n may print log lines after the run (e.g. n8n 2.x's
 * "Database ping failed" on a busy machine), so when the whole text is not JSON, the object is taken
 * up to the last line that closes it.
 */
function parseLeadingJson(text: string): any {
	try {
		return JSON.parse(text);
	} catch {
		// fall through: try the text up to each closing line, last first
	}
	for (let end = text.lastIndexOf('\n}'); end > 0; end = text.lastIndexOf('\n}', end - 1)) {
		try {
			return JSON.parse(text.slice(0, end + 2));
		} catch {
			// an inner closing brace: try the one before
		}
	}
	return undefined;
}

export function parseExecution(stdout: string, stderr: string): ExecutionResult {
	const raw = `${stdout}\n${stderr}`;
	// On failure n8n prints the run JSON, then "Error executing workflow…" and the error itself.
	// The run JSON starts at a line that opens with `{`; a failure banner may come before or after it.
	const start = stdout.startsWith('{') ? 0 : stdout.indexOf('\n{') + 1;
	const banner = /\n(Error executing workflow|Execution error:|Execution was NOT successful)/;
	const tail = start > 0 || stdout.startsWith('{') ? banner.exec(stdout.slice(start)) : null;
	const failed = banner.test(`\n${stdout}`);
	let data: any;
	if (start > 0 || stdout.startsWith('{')) {
		const json = stdout.slice(start, tail ? start + tail.index : undefined);
		data = parseLeadingJson(json);
	}
	const runData = data?.data?.resultData?.runData ?? {};
	const items = (nodeName: string, outputIndex = 0): OutputItem[] => {
		const runs = runData[nodeName];
		if (!runs) throw new Error(`Node "${nodeName}" did not run. n8n printed:\n${raw.slice(-4000)}`);
		return runs[0]?.data?.main?.[outputIndex] ?? [];
	};
	const workflowError = data?.data?.resultData?.error;
	const printed = /={10,}\n([^\n]+)/.exec(raw)?.[1];
	let error: ExecutionResult['error'];
	if (workflowError || failed || !data) {
		error = {
			message: workflowError?.message ?? printed ?? raw.trim().slice(-2000),
			description: workflowError?.description ?? undefined,
			node: workflowError?.node?.name,
		};
	}
	return {
		status: data?.status ?? 'error',
		items,
		output: (nodeName, outputIndex) => items(nodeName, outputIndex).map((i) => i.json),
		error,
		raw,
		data,
	};
}

/**
 * Manual Trigger → Code (makes the input items) → the nodes given, in a chain.
 * `items` is a list of JSON objects, or JavaScript that returns such a list (for large inputs).
 * With `webhook`, a Webhook node (`POST /webhook/<path>`, answered at once) starts the chain instead,
 * so an active workflow runs in the server (or a queue worker); the items' JavaScript can read the
 * posted body as `$input.first().json.body`.
 */
export function chainWorkflow(options: {
	id: string;
	name?: string;
	items?: Array<Record<string, unknown>> | { js: string };
	nodes: WorkflowNode[];
	webhook?: { path: string };
}): { id: string } & Record<string, unknown> {
	const itemsJs =
		options.items === undefined
			? 'return [{ json: {} }];'
			: 'js' in (options.items as object)
				? `const list = (() => { ${(options.items as { js: string }).js} })();\nreturn list.map((json) => ({ json }));`
				: `return ${JSON.stringify(options.items)}.map((json) => ({ json }));`;
	const start: WorkflowNode = options.webhook
		? {
				name: 'Webhook',
				type: 'n8n-nodes-base.webhook',
				typeVersion: 2,
				webhookId: options.webhook.path,
				parameters: {
					httpMethod: 'POST',
					path: options.webhook.path,
					responseMode: 'onReceived',
					options: {},
				},
			}
		: { name: 'Start', type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} };
	const all = [
		start,
		{ name: 'Input', type: 'n8n-nodes-base.code', typeVersion: 2, parameters: { jsCode: itemsJs } },
		...options.nodes,
	];
	const connections: Record<string, unknown> = {};
	for (let i = 0; i < all.length - 1; i++) {
		connections[all[i].name] = { main: [[{ node: all[i + 1].name, type: 'main', index: 0 }]] };
	}
	return {
		id: options.id,
		name: options.name ?? options.id,
		active: false,
		nodes: all.map((node, i) => ({
			id: `${options.id}-n${i}`,
			position: [i * 220, 0],
			typeVersion: 1,
			parameters: {},
			...node,
		})),
		connections,
		settings: { executionOrder: 'v1' },
		pinData: {},
	};
}
