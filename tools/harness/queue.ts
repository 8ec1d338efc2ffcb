/**
 * A real n8n in queue mode on this machine: PostgreSQL and Redis (from the distribution's packages,
 * installed by scripts/install-queue-deps.sh) run as local processes on free loopback ports with
 * throwaway data directories, then one main (`n8n start`), workers (`n8n worker`) and webhook
 * processors (`n8n webhook`), all with the package loaded from the same snapshot of dist/ (the
 * `N8n` home of tools/harness/n8n.ts) and n8n's own settings: `EXECUTIONS_MODE=queue`,
 * `QUEUE_BULL_REDIS_*`, `DB_TYPE=postgresdb` + `DB_POSTGRESDB_*`, one shared `N8N_ENCRYPTION_KEY`.
 * `stop()` ends every process it started and removes the data directories, also after a failed start.
 */
import type { ChildProcess } from 'node:child_process';
import { execFile, execFileSync, spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

import { freePort, N8N_BIN, NODE24_BIN, perProcessEnv } from './env';
import type { N8n } from './n8n';
import { N8nServer } from './server';

const run = promisify(execFile);
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every child started here, so that an exiting test process never leaves one behind. */
const children = new Set<ChildProcess>();
const killChildren = () => {
	for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
};
process.once('exit', killChildren);
for (const signal of ['SIGINT', 'SIGTERM'] as const)
	process.once(signal, () => {
		killChildren();
		process.exit(130);
	});

/** A child process with its output kept, stopped with SIGTERM (then SIGKILL). */
export class Service {
	private logs: string[] = [];
	exited?: number | null;

	constructor(
		readonly name: string,
		readonly child: ChildProcess,
	) {
		children.add(child);
		child.stdout?.on('data', (chunk: Buffer) => this.logs.push(chunk.toString('utf8')));
		child.stderr?.on('data', (chunk: Buffer) => this.logs.push(chunk.toString('utf8')));
		child.on('exit', (code) => {
			this.exited = code;
			children.delete(child);
		});
	}

	get output(): string {
		return this.logs.join('');
	}

	/** Waits until the output matches `ready` (or `check` resolves true). */
	async waitFor(ready: RegExp | (() => Promise<boolean>), timeoutMs = 120_000): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.exited !== undefined)
				throw new Error(
					`${this.name} exited (${this.exited}) while starting:\n${this.output.slice(-4000)}`,
				);
			if (ready instanceof RegExp ? ready.test(this.output) : await ready().catch(() => false))
				return;
			await sleep(200);
		}
		throw new Error(
			`${this.name} was not ready within ${timeoutMs} ms:\n${this.output.slice(-4000)}`,
		);
	}

	async stop(signal: NodeJS.Signals = 'SIGTERM', graceMs = 15_000): Promise<void> {
		if (this.exited !== undefined || this.child.exitCode !== null) return;
		const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
		this.child.kill(signal);
		const timer = setTimeout(() => this.child.kill('SIGKILL'), graceMs);
		await exited;
		clearTimeout(timer);
	}
}

/** The newest PostgreSQL server binaries installed from the distribution (`/usr/lib/postgresql/<v>/bin`). */
function postgresBin(): string {
	const root = '/usr/lib/postgresql';
	const versions = existsSync(root)
		? readdirSync(root)
				.filter((v) => existsSync(path.join(root, v, 'bin', 'postgres')))
				.sort((a, b) => Number(b) - Number(a))
		: [];
	if (versions.length === 0)
		throw new Error('PostgreSQL is not installed: run scripts/install-queue-deps.sh');
	return path.join(root, versions[0], 'bin');
}

function redisBin(): string {
	for (const dir of (process.env.PATH ?? '').split(':').concat(['/usr/bin', '/usr/sbin'])) {
		const candidate = path.join(dir, 'redis-server');
		if (existsSync(candidate)) return candidate;
	}
	throw new Error('redis-server is not installed: run scripts/install-queue-deps.sh');
}

/**
 * PostgreSQL refuses to run as root: as root, its files and processes belong to the distribution's
 * `postgres` system user (created by the package), so that signals reach the server itself.
 */
function postgresUser(): { uid: number; gid: number } | undefined {
	if (process.getuid?.() !== 0) return undefined;
	const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
	const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
	return { uid, gid };
}

export interface Database {
	port: number;
	env: Record<string, string>;
	/** Runs SQL with psql and returns its unaligned output. */
	sql(query: string): Promise<string>;
}

async function startPostgres(root: string): Promise<{ service: Service; db: Database }> {
	const bin = postgresBin();
	const dataDir = path.join(root, 'pg');
	mkdirSync(dataDir, { recursive: true });
	if (process.getuid?.() === 0) execFileSync('chown', ['-R', 'postgres:postgres', dataDir]);
	chmodSync(dataDir, 0o700);
	const user = postgresUser();
	await run(
		path.join(bin, 'initdb'),
		['-D', dataDir, '-U', 'n8n', '--auth=trust', '-E', 'UTF8', '--no-sync'],
		{ cwd: root, ...user },
	);
	const port = await freePort();
	const args = [
		'-D',
		dataDir,
		'-p',
		String(port),
		'-c',
		'listen_addresses=127.0.0.1',
		'-c',
		`unix_socket_directories=${dataDir}`,
		'-c',
		'max_connections=300',
		// A throwaway database: durability is not what is tested.
		'-c',
		'fsync=off',
		'-c',
		'synchronous_commit=off',
		'-c',
		'full_page_writes=off',
	];
	const service = new Service(
		'postgres',
		spawn(path.join(bin, 'postgres'), args, {
			cwd: root,
			stdio: ['ignore', 'pipe', 'pipe'],
			...user,
		}),
	);
	await service.waitFor(/ready to accept connections/, 60_000);
	const env = {
		DB_TYPE: 'postgresdb',
		DB_POSTGRESDB_HOST: '127.0.0.1',
		DB_POSTGRESDB_PORT: String(port),
		DB_POSTGRESDB_DATABASE: 'postgres',
		DB_POSTGRESDB_USER: 'n8n',
		DB_POSTGRESDB_PASSWORD: 'n8n',
	};
	const sql = async (query: string) =>
		(
			await run(
				'psql',
				['-h', '127.0.0.1', '-p', String(port), '-U', 'n8n', '-d', 'postgres', '-At', '-c', query],
				{ maxBuffer: 64 * 1024 * 1024 },
			)
		).stdout;
	return { service, db: { port, env, sql } };
}

async function startRedis(root: string): Promise<{ service: Service; port: number }> {
	const dir = path.join(root, 'redis');
	mkdirSync(dir, { recursive: true });
	const port = await freePort();
	const service = new Service(
		'redis',
		spawn(
			redisBin(),
			[
				'--port',
				String(port),
				'--bind',
				'127.0.0.1',
				'--save',
				'',
				'--appendonly',
				'no',
				'--dir',
				dir,
				'--daemonize',
				'no',
			],
			{ cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
		),
	);
	await service.waitFor(/Ready to accept connections/, 30_000);
	return { service, port };
}

export interface QueueOptions {
	workers?: number;
	webhooks?: number;
	/** Executions one worker runs at a time (`n8n worker --concurrency`; n8n's default is 10, here 5). */
	workerConcurrency?: number;
	/** Extra environment for every n8n process. */
	env?: Record<string, string>;
}

/** One queue-mode n8n: its database, Redis, main, workers and webhook processors. */
export class QueueN8n {
	main!: N8nServer;
	readonly workers: Service[] = [];
	readonly webhooks: Array<Service & { port: number; baseUrl: string }> = [];
	private services: Service[] = [];
	db!: Database;
	redisPort = 0;
	/** Environment shared by every n8n process (and CLI calls such as imports). */
	sharedEnv: Record<string, string> = {};

	private constructor(
		readonly n8n: N8n,
		readonly root: string,
	) {}

	/**
	 * Starts PostgreSQL, Redis, then the main (which migrates the database and sets up the owner),
	 * then the workers and webhook processors. Import credentials and workflows with `cli` after.
	 */
	static async start(n8n: N8n, options: QueueOptions = {}): Promise<QueueN8n> {
		const root = path.join(os.tmpdir(), `n8n-engagement-queue-${process.pid}-${Date.now()}`);
		mkdirSync(root, { recursive: true });
		const cluster = new QueueN8n(n8n, root);
		try {
			await cluster.boot(options);
		} catch (error) {
			await cluster.stop();
			throw error;
		}
		return cluster;
	}

	private async boot(options: QueueOptions): Promise<void> {
		const pg = await startPostgres(this.root);
		this.services.push(pg.service);
		this.db = pg.db;
		const redis = await startRedis(this.root);
		this.services.push(redis.service);
		this.redisPort = redis.port;

		const webhookPorts: number[] = [];
		for (let i = 0; i < (options.webhooks ?? 2); i++) webhookPorts.push(await freePort());
		this.sharedEnv = {
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(redis.port),
			...pg.db.env,
			// What dotdigital is told to call: the first webhook processor (a load balancer in production).
			WEBHOOK_URL: `http://127.0.0.1:${webhookPorts[0] ?? 5678}/`,
			// Production webhooks are served by the webhook processors only.
			N8N_DISABLE_PRODUCTION_MAIN_PROCESS: 'true',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PROTOCOL: 'http',
			N8N_PUBLIC_API_DISABLED: 'true',
			N8N_USER_MANAGEMENT_JWT_SECRET: 'n8n-nodes-engagement-e2e-jwt',
			// n8n's default pool is 2 connections per process; on a loaded 2-core machine, workers running
			// several executions then fail some with "timeout exceeded when trying to connect".
			DB_POSTGRESDB_POOL_SIZE: '4',
			DB_POSTGRESDB_CONNECTION_TIMEOUT: '60000',
			...options.env,
		};

		this.main = await N8nServer.start(this.n8n, { env: this.sharedEnv, timeoutMs: 300_000 });

		const starts: Array<Promise<void>> = [];
		for (let i = 0; i < (options.workers ?? 2); i++) {
			const worker = await this.spawnN8n(`worker-${i + 1}`, [
				'worker',
				`--concurrency=${options.workerConcurrency ?? 5}`,
			]);
			this.workers.push(worker);
			starts.push(worker.waitFor(/n8n worker is now ready/, 300_000));
		}
		webhookPorts.forEach((port, i) => {
			const baseUrl = `http://127.0.0.1:${port}`;
			starts.push(
				this.spawnN8n(`webhook-${i + 1}`, ['webhook'], { N8N_PORT: String(port) }).then(
					async (service) => {
						const processor = Object.assign(service, { port, baseUrl });
						this.webhooks.push(processor);
						await processor.waitFor(/Webhook listener waiting for requests/, 300_000);
						await processor.waitFor(async () => (await fetch(`${baseUrl}/healthz`)).ok, 60_000);
					},
				),
			);
		});
		await Promise.all(starts);
		this.webhooks.sort((a, b) => a.name.localeCompare(b.name));
	}

	private async spawnN8n(
		name: string,
		args: string[],
		extra: Record<string, string> = {},
	): Promise<Service> {
		const child = spawn(path.join(NODE24_BIN, 'node'), [N8N_BIN, ...args], {
			env: this.n8n.env({ ...(await perProcessEnv()), ...this.sharedEnv, ...extra }),
			cwd: this.n8n.home,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const service = new Service(name, child);
		this.services.push(service);
		return service;
	}

	/** An n8n CLI command (import, export) against this cluster's database. */
	async cli(args: string[]) {
		return await this.n8n.cli(args, this.sharedEnv);
	}

	async importCredentials(credentials: Parameters<N8n['importCredentials']>[0]): Promise<void> {
		await this.n8n.importCredentials(credentials, this.sharedEnv);
	}

	async importWorkflows(workflows: object[]): Promise<void> {
		await this.n8n.importWorkflows(workflows, this.sharedEnv);
	}

	/** Jobs waiting in or taken from the Redis queue (Bull's `bull:jobs:wait` and `bull:jobs:active`). */
	async queueDepth(): Promise<number> {
		let total = 0;
		for (const key of ['bull:jobs:wait', 'bull:jobs:active']) {
			const { stdout } = await run('redis-cli', [
				'-h',
				'127.0.0.1',
				'-p',
				String(this.redisPort),
				'llen',
				key,
			]);
			total += Number(stdout.trim()) || 0;
		}
		return total;
	}

	/** The worker whose log says it ran execution `id` (`Worker started execution <id>`), if any. */
	workerOf(executionId: string): string | undefined {
		const pattern = new RegExp(`Worker started execution ${executionId} \\(`);
		return this.workers.find((w) => pattern.test(w.output))?.name;
	}

	/** Everything every n8n process printed. */
	get output(): string {
		return [
			this.main?.output ?? '',
			...this.workers.map((w) => w.output),
			...this.webhooks.map((w) => w.output),
		].join('\n');
	}

	/** Stops the n8n processes (webhook processors and main first, workers, then Redis and PostgreSQL) and removes the data. */
	async stop(): Promise<void> {
		const n8nServices = this.services.filter((s) => s.name !== 'postgres' && s.name !== 'redis');
		await Promise.all([this.main?.stop(), ...n8nServices.map((s) => s.stop())]);
		const redis = this.services.find((s) => s.name === 'redis');
		await redis?.stop();
		// SIGINT: PostgreSQL's fast shutdown.
		const pg = this.services.find((s) => s.name === 'postgres');
		await pg?.stop('SIGINT');
		if (!process.env.KEEP_N8N_E2E) rmSync(this.root, { recursive: true, force: true });
	}
}
