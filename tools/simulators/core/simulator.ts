/**
 * A vendor simulator: a loopback HTTP server that validates every request against the vendor's
 * OpenAPI documents (openapi-backend + Ajv), authenticates like the vendor, answers in the vendor's
 * envelope, enforces per-minute rate limits, records what it received and injects faults on demand.
 *
 * Test and demo infrastructure only: never shipped in the package.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

import OpenAPIBackend from 'openapi-backend';
import type { Document } from 'openapi-backend';

export type Headers = Record<string, string | string[] | undefined>;

export interface SimRequest {
	method: string;
	/** Path without the query string. */
	path: string;
	query: Record<string, string | string[]>;
	headers: Headers;
	/** Parsed JSON body, or undefined for an empty or non-JSON body. */
	body: unknown;
	rawBody: Buffer;
	/** The parts of a `multipart/form-data` body (then `body` maps each part's name to its text). */
	parts?: FormPart[];
	operationId?: string;
	params: Record<string, string>;
	/** When the whole request had arrived (ms since the epoch). */
	receivedAt: number;
}

/** One part of a multipart/form-data body. */
export interface FormPart {
	name: string;
	filename?: string;
	contentType?: string;
	data: Buffer;
}

/**
 * Parses a multipart/form-data body (RFC 7578): parts separated by `--boundary` lines, each with
 * a `Content-Disposition: form-data; name="…"[; filename="…"]` header. Throws on anything else.
 */
export function parseMultipart(body: Buffer, contentType: string): FormPart[] {
	const match = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
	if (!match) throw new Error('multipart/form-data without a boundary');
	const delimiter = Buffer.from(`--${match[1] ?? match[2]}`);
	const parts: FormPart[] = [];
	let at = body.indexOf(delimiter);
	if (at !== 0) throw new Error('the body does not start with the boundary');
	for (;;) {
		at += delimiter.length;
		if (body.subarray(at, at + 2).toString() === '--') break; // the closing delimiter
		if (body.subarray(at, at + 2).toString() !== '\r\n')
			throw new Error('a boundary line does not end with CRLF');
		at += 2;
		const headerEnd = body.indexOf('\r\n\r\n', at);
		if (headerEnd < 0) throw new Error('a part has no end of headers');
		const headers: Record<string, string> = {};
		for (const line of body.subarray(at, headerEnd).toString('utf8').split('\r\n')) {
			const colon = line.indexOf(':');
			if (colon > 0)
				headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
		}
		const next = body.indexOf(Buffer.concat([Buffer.from('\r\n'), delimiter]), headerEnd + 4);
		if (next < 0) throw new Error('a part is not closed by the boundary');
		const disposition = headers['content-disposition'] ?? '';
		const name = /(?:^|;)\s*name="([^"]*)"/i.exec(disposition)?.[1];
		if (!/^form-data\b/i.test(disposition) || name === undefined)
			throw new Error(`a part without "Content-Disposition: form-data; name=…": ${disposition}`);
		const filename = /;\s*filename="([^"]*)"/i.exec(disposition)?.[1];
		parts.push({
			name,
			...(filename !== undefined ? { filename } : {}),
			...(headers['content-type'] ? { contentType: headers['content-type'] } : {}),
			data: body.subarray(headerEnd + 4, next),
		});
		at = next + 2;
	}
	return parts;
}

export interface SimResponse {
	status: number;
	body?: unknown;
	headers?: Record<string, string>;
	/** Sent as-is instead of JSON (binary downloads, malformed bodies). */
	raw?: Buffer | string;
}

/** A credential that points n8n at a simulator, as `n8n import:credentials` takes it. */
export interface SimulatorCredential {
	id: string;
	name: string;
	type: string;
	data: Record<string, unknown>;
}

export interface RecordedRequest {
	id: number;
	/** When the request had arrived; with `at` it shows which calls were in flight at the same time. */
	receivedAt: number;
	/** When the simulator answered (or refused) it. */
	at: number;
	method: string;
	path: string;
	query: Record<string, string | string[]>;
	headers: Headers;
	body: unknown;
	operationId?: string;
	status: number;
	/** Why the simulator refused it, when it did (validation message, fault, rate limit, auth). */
	refusal?: string;
}

/**
 * Faults: `429`, `500`, `503`, `reset` and `html` refuse or lose the request before it is processed
 * (`html`: a proxy's 200 page, nothing done); `reset-after-processing`, `500-after-processing`,
 * `html-after-processing` and `malformed` (a truncated JSON body) lose the answer of a request the
 * vendor did carry out; `delay` answers normally after `delayMs`.
 */
export type FaultKind =
	| '429'
	| '500'
	| '503'
	| 'reset'
	| 'html'
	| 'reset-after-processing'
	| '500-after-processing'
	| 'html-after-processing'
	| 'delay'
	| 'malformed';

const HTML_PAGE =
	'<!DOCTYPE html><html><head><title>Service</title></head><body>Please try again later.</body></html>';

export interface Fault {
	kind: FaultKind;
	/** How many of the next matching requests get it. */
	count: number;
	/** Only requests to this operationId (default: any request). */
	operationId?: string;
	/** For `delay`: milliseconds before the normal answer. For `429`: Retry-After seconds to send. */
	delayMs?: number;
	retryAfterSeconds?: number;
}

/**
 * A random mix of faults for storms: each matching request (when no queued fault applies) gets
 * fault kind K with probability `rates[K]`, drawn from a generator seeded with `seed` so a storm
 * can be repeated.
 */
export interface FaultMix {
	seed: number;
	rates: Partial<Record<FaultKind, number>>;
	/** Only requests to these operationIds (default: any request). */
	operationIds?: string[];
	/** For `delay` (a hang): milliseconds before the answer. */
	delayMs?: number;
}

/** mulberry32: a small seeded generator, so a fault mix is the same on every run. */
function seededRandom(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

export interface RateLimitRule {
	name: string;
	perMinute: number;
	matches(req: SimRequest): boolean;
}

export interface RateLimitState {
	limit: number;
	remaining: number;
	resetMs: number;
}

export type Handler = (req: SimRequest, sim: Simulator) => SimResponse | Promise<SimResponse>;

export interface SimulatorSpec {
	name: string;
	/** OpenAPI 3 documents (file paths or objects); every vendor request must match one of them. */
	openapi: Array<string | Document>;
	/** Vendor auth: undefined when the request may pass, else the vendor's refusal. */
	authenticate(req: SimRequest, sim: Simulator): SimResponse | undefined;
	/** The vendor's error envelope for a status and message. */
	errorResponse(status: number, message: string, req?: SimRequest): SimResponse;
	/** Rate-limit headers the vendor sends (on every limited response). */
	rateLimitHeaders?(state: RateLimitState): Record<string, string>;
	rateLimits?: RateLimitRule[];
	/** Handlers by OpenAPI operationId. */
	handlers: Record<string, Handler>;
	/** Paths answered without OpenAPI validation or auth (e.g. a token exchange with its own rules). */
	rawRoutes?: Array<{
		method: string;
		path: RegExp;
		handler: Handler;
		/** Name faults can target (`429`, `500`, `503`, `reset`). */ operationId?: string;
	}>;
	/** Vendor state for the control API (`GET /__control/state`). */
	state?(): unknown;
	/** Clears vendor state (`DELETE /__control/requests` resets it too). */
	resetState?(): void;
}

function loadDocument(source: string | Document): Document {
	return typeof source === 'string'
		? (JSON.parse(readFileSync(source, 'utf8')) as Document)
		: source;
}

function parseQuery(search: URLSearchParams): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = {};
	for (const [key, value] of search) {
		const prev = out[key];
		out[key] = prev === undefined ? value : Array.isArray(prev) ? [...prev, value] : [prev, value];
	}
	return out;
}

export class Simulator {
	readonly name: string;
	private server?: http.Server;
	private apis: OpenAPIBackend[] = [];
	private received: RecordedRequest[] = [];
	private faults: Fault[] = [];
	private mix?: { spec: FaultMix; random: () => number };
	private windows = new Map<string, { start: number; count: number }>();
	private nextId = 1;
	/** Length of a rate-limit "minute": scaled down by tests so windows pass quickly. */
	windowMs = 60_000;
	/** Per-rule overrides of the vendor's per-minute limits (control API `POST /__control/config`). */
	limitOverrides: Record<string, number> = {};
	/** Extra per-simulator data handlers may keep (created objects, tokens, dedupe keys). */
	readonly data: Record<string, unknown> = {};
	url = '';

	constructor(readonly spec: SimulatorSpec) {
		this.name = spec.name;
	}

	async start(port = 0, host = '127.0.0.1'): Promise<string> {
		for (const source of this.spec.openapi) {
			const api = new OpenAPIBackend({
				definition: loadDocument(source),
				strict: false,
				validate: true,
				quick: false,
				ajvOpts: { strict: false, allErrors: true, validateFormats: false },
				handlers: {},
			});
			await api.init();
			this.apis.push(api);
		}
		this.server = http.createServer((req, res) => {
			this.handle(req, res).catch((error) => {
				res.statusCode = 500;
				res.end(JSON.stringify({ simulatorError: String(error?.stack ?? error) }));
			});
		});
		// Keep-alive sockets from n8n must not hold the process open at shutdown.
		this.server.keepAliveTimeout = 1000;
		await new Promise<void>((resolve) => this.server!.listen(port, host, resolve));
		const { port: bound } = this.server.address() as AddressInfo;
		this.url = `http://${host}:${bound}`;
		return this.url;
	}

	async stop(): Promise<void> {
		if (!this.server) return;
		this.server.closeAllConnections?.();
		await new Promise<void>((resolve) => this.server!.close(() => resolve()));
		this.server = undefined;
	}

	// ---- what tests use ---------------------------------------------------------------------

	/** Requests received (all, or those of one operationId), oldest first. */
	requests(operationId?: string): RecordedRequest[] {
		return operationId
			? this.received.filter((r) => r.operationId === operationId)
			: [...this.received];
	}

	/** Requests the vendor accepted (2xx) for an operation. */
	accepted(operationId?: string): RecordedRequest[] {
		return this.requests(operationId).filter((r) => r.status >= 200 && r.status < 300);
	}

	injectFault(fault: Fault): void {
		this.faults.push({ ...fault });
	}

	/** Starts (or, with undefined, stops) a random fault mix. */
	setFaultMix(mix: FaultMix | undefined): void {
		this.mix = mix ? { spec: mix, random: seededRandom(mix.seed) } : undefined;
	}

	reset(): void {
		this.received = [];
		this.faults = [];
		this.mix = undefined;
		this.windows.clear();
		this.limitOverrides = {};
		this.windowMs = 60_000;
		this.spec.resetState?.();
	}

	// ---- request handling -------------------------------------------------------------------

	private record(req: SimRequest, status: number, refusal?: string): void {
		this.received.push({
			id: this.nextId++,
			receivedAt: req.receivedAt,
			at: Date.now(),
			method: req.method,
			path: req.path,
			query: req.query,
			headers: req.headers,
			body: req.body,
			operationId: req.operationId,
			status,
			refusal,
		});
	}

	private takeFault(operationId: string | undefined): Fault | undefined {
		const fault = this.faults.find(
			(f) => f.count > 0 && (!f.operationId || f.operationId === operationId),
		);
		if (!fault) return this.mixedFault(operationId);
		fault.count--;
		if (fault.count === 0) this.faults.splice(this.faults.indexOf(fault), 1);
		return fault;
	}

	private mixedFault(operationId: string | undefined): Fault | undefined {
		if (!this.mix) return undefined;
		const { spec, random } = this.mix;
		if (spec.operationIds && !spec.operationIds.includes(operationId ?? '')) return undefined;
		let roll = random();
		for (const [kind, rate] of Object.entries(spec.rates) as Array<[FaultKind, number]>) {
			if (roll < rate) return { kind, count: 1, delayMs: spec.delayMs };
			roll -= rate;
		}
		return undefined;
	}

	/** Fixed-window counters per rule; returns the state of the tightest rule that matched. */
	private rateLimit(req: SimRequest): { state?: RateLimitState; exceeded: boolean } {
		let tightest: RateLimitState | undefined;
		let exceeded = false;
		const now = Date.now();
		for (const rule of this.spec.rateLimits ?? []) {
			if (!rule.matches(req)) continue;
			const limit = this.limitOverrides[rule.name] ?? rule.perMinute;
			let window = this.windows.get(rule.name);
			if (!window || now - window.start >= this.windowMs) {
				window = { start: now, count: 0 };
				this.windows.set(rule.name, window);
			}
			if (window.count >= limit) exceeded = true;
			else window.count++;
			const state = {
				limit,
				remaining: Math.max(0, limit - window.count),
				resetMs: window.start + this.windowMs - now,
			};
			if (!tightest || state.remaining < tightest.remaining) tightest = state;
		}
		return { state: tightest, exceeded };
	}

	private send(res: http.ServerResponse, response: SimResponse): void {
		const headers: Record<string, string> = { ...(response.headers ?? {}) };
		let payload: Buffer | string = '';
		if (response.raw !== undefined) payload = response.raw;
		else if (response.body !== undefined) {
			payload = JSON.stringify(response.body);
			headers['content-type'] ??= 'application/json';
		}
		res.writeHead(response.status, headers);
		res.end(payload);
	}

	private async handle(incoming: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
		const chunks: Buffer[] = [];
		for await (const chunk of incoming) chunks.push(chunk as Buffer);
		const rawBody = Buffer.concat(chunks);
		const url = new URL(incoming.url ?? '/', 'http://simulator');
		const req: SimRequest = {
			method: (incoming.method ?? 'GET').toUpperCase(),
			path: url.pathname,
			query: parseQuery(url.searchParams),
			headers: incoming.headers,
			body: undefined,
			rawBody,
			params: {},
			receivedAt: Date.now(),
		};

		if (req.path.startsWith('/__control/')) return this.control(req, res);

		const contentType = String(req.headers['content-type'] ?? '');
		if (/^multipart\/form-data/i.test(contentType)) {
			try {
				req.parts = parseMultipart(rawBody, contentType);
				req.body = Object.fromEntries(req.parts.map((p) => [p.name, p.data.toString('utf8')]));
			} catch (error) {
				this.record(req, 400, `body is not valid multipart/form-data: ${(error as Error).message}`);
				return this.send(
					res,
					this.spec.errorResponse(400, 'Request body is not valid multipart/form-data', req),
				);
			}
		} else if (rawBody.length > 0 && (contentType.includes('json') || contentType === '')) {
			try {
				req.body = JSON.parse(rawBody.toString('utf8'));
			} catch {
				if (contentType.includes('json')) {
					this.record(req, 400, 'body is not valid JSON');
					return this.send(
						res,
						this.spec.errorResponse(400, 'Request body is not valid JSON', req),
					);
				}
			}
		}

		for (const route of this.spec.rawRoutes ?? []) {
			if (route.method === req.method && route.path.test(req.path)) {
				req.operationId = route.operationId;
				const fault = route.operationId ? this.takeFault(route.operationId) : undefined;
				if (fault?.kind === 'reset') {
					this.record(req, 0, 'fault: connection reset');
					incoming.socket.destroy();
					return;
				}
				if (fault && ['429', '500', '503'].includes(fault.kind)) {
					const status = Number(fault.kind);
					this.record(req, status, `fault: ${status}`);
					return this.send(
						res,
						this.spec.errorResponse(
							status,
							status === 429 ? 'Rate limit exceeded' : 'Internal server error',
							req,
						),
					);
				}
				const response = await route.handler(req, this);
				this.record(req, response.status);
				return this.send(res, response);
			}
		}

		// Route and validate against the vendor's OpenAPI documents.
		let matched:
			| { api: OpenAPIBackend; operationId: string; params: Record<string, string> }
			| undefined;
		for (const api of this.apis) {
			const probe = { method: req.method, path: req.path, headers: {}, query: {} };
			const operation = api.router.matchOperation(probe);
			if (operation) {
				const params = api.router.parseRequest(probe, operation).params as Record<string, string>;
				matched = {
					api,
					operationId: operation.operationId ?? `${req.method} ${operation.path}`,
					params,
				};
				break;
			}
		}
		if (!matched) {
			this.record(req, 404, 'no such path in the OpenAPI documents');
			return this.send(
				res,
				this.spec.errorResponse(404, `No resource at ${req.method} ${req.path}`, req),
			);
		}
		req.operationId = matched.operationId;
		req.params = matched.params;

		const refusal = this.spec.authenticate(req, this);
		if (refusal) {
			this.record(req, refusal.status, 'authentication');
			return this.send(res, refusal);
		}

		const fault = this.takeFault(req.operationId);
		if (fault?.kind === 'reset') {
			this.record(req, 0, 'fault: connection reset');
			incoming.socket.destroy();
			return;
		}

		const limited = this.rateLimit(req);
		const limitHeaders =
			limited.state && this.spec.rateLimitHeaders ? this.spec.rateLimitHeaders(limited.state) : {};
		if (limited.exceeded || fault?.kind === '429') {
			const headers = { ...limitHeaders };
			if (fault?.kind === '429') {
				Object.assign(
					headers,
					this.spec.rateLimitHeaders?.({
						limit: limited.state?.limit ?? 1,
						remaining: 0,
						resetMs: 1000,
					}) ?? {},
				);
				if (fault.retryAfterSeconds !== undefined)
					headers['retry-after'] = String(fault.retryAfterSeconds);
			}
			this.record(req, 429, fault ? 'fault: 429' : 'rate limit');
			const response = this.spec.errorResponse(429, 'Rate limit exceeded', req);
			return this.send(res, { ...response, headers: { ...response.headers, ...headers } });
		}
		if (fault?.kind === 'html') {
			// Status 0 as for a reset: the vendor never answered (a proxy did), nothing was processed.
			this.record(req, 0, 'fault: HTML 200 page from a proxy, not processed');
			return this.send(res, {
				status: 200,
				raw: HTML_PAGE,
				headers: { 'content-type': 'text/html' },
			});
		}
		if (fault?.kind === '500' || fault?.kind === '503') {
			const status = Number(fault.kind);
			this.record(req, status, `fault: ${status}`);
			return this.send(res, this.spec.errorResponse(status, 'Internal server error', req));
		}

		const validation = matched.api.validateRequest({
			method: req.method,
			path: req.path,
			query: req.query,
			headers: req.headers as Record<string, string>,
			body: req.body,
		});
		if (!validation.valid) {
			const details = (validation.errors ?? [])
				.map((e) => `${e.instancePath || e.schemaPath} ${e.message}`)
				.join('; ');
			this.record(req, 400, `validation: ${details}`);
			return this.send(res, this.spec.errorResponse(400, `Invalid request: ${details}`, req));
		}

		const handler = this.spec.handlers[req.operationId];
		if (!handler) {
			this.record(req, 501, 'no handler');
			return this.send(
				res,
				this.spec.errorResponse(501, `Simulator has no handler for ${req.operationId}`, req),
			);
		}
		if (fault?.kind === 'delay') await new Promise((r) => setTimeout(r, fault.delayMs ?? 1000));
		const response = await handler(req, this);
		this.record(
			req,
			response.status,
			fault?.kind.endsWith('-after-processing') || fault?.kind === 'malformed'
				? `fault: ${fault.kind}`
				: undefined,
		);
		if (fault?.kind === 'reset-after-processing') {
			incoming.socket.destroy();
			return;
		}
		if (fault?.kind === '500-after-processing') {
			return this.send(res, this.spec.errorResponse(500, 'Internal server error', req));
		}
		if (fault?.kind === 'html-after-processing') {
			return this.send(res, {
				status: response.status,
				raw: HTML_PAGE,
				headers: { 'content-type': 'text/html' },
			});
		}
		if (fault?.kind === 'malformed') {
			return this.send(res, {
				status: response.status,
				raw: '{"response": {"status": "qu',
				headers: { 'content-type': 'application/json' },
			});
		}
		this.send(res, { ...response, headers: { ...limitHeaders, ...response.headers } });
	}

	// ---- control API (for tests in other processes and for the demo) ---------------------------

	private control(req: SimRequest, res: http.ServerResponse): void {
		const body = (() => {
			try {
				return req.rawBody.length ? JSON.parse(req.rawBody.toString('utf8')) : {};
			} catch {
				return {};
			}
		})();
		const op = `${req.method} ${req.path.slice('/__control'.length)}`;
		const json = (status: number, payload: unknown) => this.send(res, { status, body: payload });
		switch (op) {
			case 'GET /requests': {
				const operationId =
					typeof req.query.operationId === 'string' ? req.query.operationId : undefined;
				return json(200, this.requests(operationId));
			}
			case 'DELETE /requests':
				this.reset();
				return json(200, { reset: true });
			case 'POST /faults':
				for (const fault of Array.isArray(body) ? body : [body]) this.injectFault(fault as Fault);
				return json(200, { faults: this.faults });
			case 'GET /faults':
				return json(200, { faults: this.faults });
			case 'POST /config':
				if (typeof body.windowMs === 'number') this.windowMs = body.windowMs;
				if (body.limits && typeof body.limits === 'object')
					Object.assign(this.limitOverrides, body.limits);
				if (body.faultMix !== undefined) this.setFaultMix(body.faultMix ?? undefined);
				return json(200, { windowMs: this.windowMs, limits: this.limitOverrides });
			case 'GET /state':
				return json(200, this.spec.state?.() ?? {});
			default:
				return json(404, { error: `unknown control call ${op}` });
		}
	}
}

export function newId(): string {
	return randomUUID();
}

/** The Bearer or Basic token from an Authorization header, as sent. */
export function authToken(req: SimRequest, scheme: 'Bearer' | 'Basic'): string | undefined {
	const header = req.headers.authorization;
	const value = Array.isArray(header) ? header[0] : header;
	if (!value) return undefined;
	const match = new RegExp(`^${scheme}\\s+(.+)$`, 'i').exec(value.trim());
	return match?.[1];
}

export function headerOf(req: SimRequest, name: string): string | undefined {
	const value = req.headers[name.toLowerCase()];
	return Array.isArray(value) ? value[0] : value;
}
