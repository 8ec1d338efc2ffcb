/**
 * A real n8n running as a server (`n8n start`), for what `n8n execute` cannot do: activating
 * workflows so their triggers register webhooks, and receiving production webhook calls.
 *
 * The user folder, database, credentials and imported workflows are those of an `N8n` instance
 * (tools/harness/n8n.ts); this only adds the server process and n8n's REST API (owner setup, login
 * cookie, activate / deactivate, executions). Listens on loopback only.
 */
import type { ChildProcess } from 'node:child_process';
import { spawn } from 'node:child_process';
import path from 'node:path';

import { parse as parseFlatted } from 'flatted';

import { freePort, N8N_BIN, N8N_MAJOR, NODE24_BIN, perProcessEnv } from './env';
import type { N8n } from './n8n';

export const OWNER = {
	email: 'owner@n8n-nodes-engagement.test',
	firstName: 'Test',
	lastName: 'Owner',
	password: 'Engagement-Test-Passw0rd',
};
// n8n binds the auth cookie to this header value (server.ts `req.browserId`).
const BROWSER_ID = 'n8n-nodes-engagement-e2e';

export interface ExecutionSummary {
	id: string;
	workflowId: string;
	status: string;
	mode: string;
	startedAt?: string;
	stoppedAt?: string;
}

export interface ExecutionDetail extends ExecutionSummary {
	/** The run data, un-flattened. */
	data: any;
	/** JSON of the items a node put out on its first run. */
	output(nodeName: string, outputIndex?: number): Array<Record<string, any>>;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export class N8nServer {
	private cookie = '';
	private logs: string[] = [];
	private exited?: number | null;

	private constructor(
		readonly n8n: N8n,
		readonly port: number,
		private readonly child: ChildProcess,
	) {
		child.stdout?.on('data', (chunk: Buffer) => this.logs.push(chunk.toString('utf8')));
		child.stderr?.on('data', (chunk: Buffer) => this.logs.push(chunk.toString('utf8')));
		child.on('exit', (code) => {
			this.exited = code;
		});
	}

	/** n8n's base URL, e.g. `http://127.0.0.1:40123`. */
	get baseUrl(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	/** Production webhook URL of a node with `webhookId` and webhook `path`. */
	webhookUrl(webhookId: string, webhookPath: string): string {
		return `${this.baseUrl}/webhook/${webhookId}/${webhookPath}`;
	}

	/** Everything the server printed so far: assert that secrets never appear in it. */
	get output(): string {
		return this.logs.join('');
	}

	/**
	 * Starts `n8n start` on a loopback port (a free one unless given: pass the old port to restart an
	 * instance with the same webhook URLs), waits until it is healthy, sets up the owner (first start
	 * only) and logs in.
	 */
	static async start(
		n8n: N8n,
		options: { env?: Record<string, string>; port?: number; timeoutMs?: number } = {},
	): Promise<N8nServer> {
		const port = options.port ?? (await freePort());
		const extraEnv = options.env ?? {};
		const timeoutMs = options.timeoutMs ?? 120_000;
		const child = spawn(path.join(NODE24_BIN, 'node'), [N8N_BIN, 'start'], {
			env: n8n.env({
				...(await perProcessEnv()),
				N8N_PORT: String(port),
				N8N_LISTEN_ADDRESS: '127.0.0.1',
				N8N_HOST: '127.0.0.1',
				N8N_PROTOCOL: 'http',
				WEBHOOK_URL: `http://127.0.0.1:${port}/`,
				N8N_PUBLIC_API_DISABLED: 'true',
				N8N_USER_MANAGEMENT_JWT_SECRET: 'n8n-nodes-engagement-e2e-jwt',
				...extraEnv,
			}),
			cwd: n8n.home,
			stdio: ['ignore', 'pipe', 'pipe'],
		});
		const server = new N8nServer(n8n, port, child);
		try {
			await server.waitHealthy(timeoutMs);
			await server.setupOwner();
		} catch (error) {
			await server.stop();
			throw error;
		}
		return server;
	}

	private async waitHealthy(timeoutMs: number): Promise<void> {
		const deadline = Date.now() + timeoutMs;
		while (Date.now() < deadline) {
			if (this.exited !== undefined)
				throw new Error(`n8n exited (${this.exited}) while starting:\n${this.output.slice(-4000)}`);
			try {
				const health = await fetch(`${this.baseUrl}/healthz`);
				// The REST API comes up after /healthz. Until it has, n8n answers every route with the text
				// "n8n is starting up. Please wait" (status 200 on 2.x): ready means the settings are JSON.
				const settings = health.ok ? await fetch(`${this.baseUrl}/rest/settings`) : undefined;
				if (settings?.ok && (settings.headers.get('content-type') ?? '').includes('json')) return;
			} catch {
				// not listening yet
			}
			await sleep(250);
		}
		throw new Error(
			`n8n did not become healthy within ${timeoutMs} ms:\n${this.output.slice(-4000)}`,
		);
	}

	/** A REST call with the owner's cookie; throws on non-2xx with n8n's message. */
	async rest<T = any>(method: string, route: string, body?: unknown): Promise<T> {
		const response = await fetch(`${this.baseUrl}/rest${route}`, {
			method,
			headers: {
				'content-type': 'application/json',
				'browser-id': BROWSER_ID,
				...(this.cookie ? { cookie: this.cookie } : {}),
			},
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const setCookie = response.headers.getSetCookie?.() ?? [];
		const auth = setCookie.find((c) => c.startsWith('n8n-auth='));
		if (auth) this.cookie = auth.split(';')[0];
		const text = await response.text();
		if (!response.ok)
			throw new Error(`n8n ${method} /rest${route} → ${response.status}: ${text.slice(0, 2000)}`);
		const parsed = text ? JSON.parse(text) : {};
		return (parsed && typeof parsed === 'object' && 'data' in parsed ? parsed.data : parsed) as T;
	}

	private async setupOwner(): Promise<void> {
		let settings: any;
		for (let attempt = 0; settings === undefined; attempt++) {
			try {
				settings = await this.rest('GET', '/settings');
			} catch (error) {
				if (attempt >= 20) throw error;
				await sleep(250);
			}
		}
		// After a restart the owner exists already: only log in.
		if (settings?.userManagement?.showSetupOnFirstLoad !== false)
			await this.rest('POST', '/owner/setup', OWNER);
		await this.rest('POST', '/login', {
			emailOrLdapLoginId: OWNER.email,
			password: OWNER.password,
		});
	}

	/**
	 * Activates an imported workflow: n8n registers its trigger webhooks (`checkExists` → `create`).
	 * Returns once the triggers are live: n8n 2.x publishes through an outbox and answers the REST
	 * call before the webhooks exist, so on 2.x this waits for the publication to settle.
	 */
	async activate(workflowId: string, timeoutMs = 60_000): Promise<any> {
		const workflow = await this.rest('GET', `/workflows/${workflowId}`);
		const result = await this.rest('POST', `/workflows/${workflowId}/activate`, {
			versionId: workflow.versionId,
		});
		if (N8N_MAJOR >= 2) {
			const status = await this.waitForPublication(
				workflowId,
				(s) => s.status !== 'in_progress' && s.liveVersionId === workflow.versionId,
				timeoutMs,
			);
			if (status.status !== 'published') {
				throw new Error(`n8n did not publish workflow ${workflowId}: ${JSON.stringify(status)}`);
			}
		}
		return result;
	}

	/** Deactivates it: n8n calls the trigger's webhook `delete` (on 2.x, waits until that has run). */
	async deactivate(workflowId: string, timeoutMs = 60_000): Promise<any> {
		const result = await this.rest('POST', `/workflows/${workflowId}/deactivate`);
		if (N8N_MAJOR >= 2) {
			await this.waitForPublication(workflowId, (s) => s.status === 'not_published', timeoutMs);
		}
		return result;
	}

	/** n8n 2.x: polls `GET /workflows/:id/publication-status` until `done` holds for it. */
	private async waitForPublication(
		workflowId: string,
		done: (status: any) => boolean,
		timeoutMs: number,
	): Promise<any> {
		const deadline = Date.now() + timeoutMs;
		let status: any;
		while (Date.now() < deadline) {
			status = await this.rest('GET', `/workflows/${workflowId}/publication-status`);
			if (done(status)) return status;
			await sleep(100);
		}
		throw new Error(
			`Workflow ${workflowId}: publication did not settle within ${timeoutMs} ms: ${JSON.stringify(status)}`,
		);
	}

	async workflow(workflowId: string): Promise<any> {
		return await this.rest('GET', `/workflows/${workflowId}`);
	}

	/** Executions of a workflow, newest first. */
	async executions(workflowId: string): Promise<ExecutionSummary[]> {
		// n8n 2.x caps a page at 100 executions and pages with the `nextCursor` it returns (it refuses
		// `lastId`); n8n 1.123 pages with `lastId`. Results come newest first.
		const filter = encodeURIComponent(JSON.stringify({ workflowId }));
		const all: ExecutionSummary[] = [];
		for (let next = ''; ; ) {
			const page = await this.rest<{ results?: ExecutionSummary[]; nextCursor?: string | null }>(
				'GET',
				`/executions?filter=${filter}&limit=100${next}`,
			);
			const results = page.results ?? [];
			all.push(...results);
			if ('nextCursor' in page) {
				if (!page.nextCursor) return all;
				next = `&cursor=${encodeURIComponent(page.nextCursor)}`;
			} else {
				if (results.length < 100) return all;
				next = `&lastId=${results[results.length - 1].id}`;
			}
		}
	}

	/** One execution with its run data. */
	async execution(id: string): Promise<ExecutionDetail> {
		const raw = await this.rest('GET', `/executions/${id}`);
		const data = typeof raw.data === 'string' ? parseFlatted(raw.data) : raw.data;
		const runData = data?.resultData?.runData ?? {};
		return {
			...raw,
			data,
			output: (nodeName: string, outputIndex = 0) => {
				const runs = runData[nodeName];
				if (!runs) throw new Error(`Node "${nodeName}" did not run in execution ${id}`);
				return (runs[0]?.data?.main?.[outputIndex] ?? []).map(
					(item: { json: Record<string, any> }) => item.json,
				);
			},
		};
	}

	/** Waits until a workflow has at least `count` finished executions; returns them, oldest first. */
	async waitForExecutions(
		workflowId: string,
		count: number,
		timeoutMs = 30_000,
	): Promise<ExecutionDetail[]> {
		const deadline = Date.now() + timeoutMs;
		let finished: ExecutionSummary[] = [];
		while (Date.now() < deadline) {
			finished = (await this.executions(workflowId)).filter(
				(e) => !['new', 'running', 'waiting'].includes(e.status),
			);
			if (finished.length >= count) break;
			await sleep(250);
		}
		if (finished.length < count) {
			throw new Error(`Expected ${count} executions of ${workflowId}, found ${finished.length}`);
		}
		const ordered = [...finished].sort((a, b) => Number(a.id) - Number(b.id));
		return await Promise.all(ordered.map((e) => this.execution(e.id)));
	}

	/** Stops the server (SIGTERM, then SIGKILL after 15 s) and waits for it to exit. */
	async stop(): Promise<void> {
		if (this.exited !== undefined || this.child.exitCode !== null) return;
		const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
		this.child.kill('SIGTERM');
		const timer = setTimeout(() => this.child.kill('SIGKILL'), 15_000);
		await exited;
		clearTimeout(timer);
	}
}
