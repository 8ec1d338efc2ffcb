/**
 * EngageOne Communicate simulator (https://docs.communicate.engageone.co/APIUsage.html,
 * https://docs.communicate.engageone.co/APIExamples.html): the Users API token
 * exchange (`POST /authenticate` → a bare JSON string holding an HS256 JWT valid one hour), Bearer
 * JWT checks on every Private API call (signature, expiry, revocation) with `PB-Customer-Id` matching
 * the token's customer, the v1 and v2 transactional sends, and two stand-ins for Private and Public
 * API endpoints whose real paths are not public.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import path from 'node:path';

import type { SimRequest, SimResponse, SimulatorCredential } from '../core/simulator';
import { authToken, headerOf, newId, Simulator } from '../core/simulator';

export const ENGAGEONE_DEFAULTS = {
	clientId: 'sa11bb.1112222333344@communicate.engageone.co',
	secret: 'eo-secret-7Hq2xLw9Pz',
	customerId: 'sa11bb',
	companyName: 'Acme Corp',
};

/** The header table's form of PB-Customer-Id: `eocm-` + the company name, spaces → hyphens. */
export const eocmCustomerId = (companyName: string) => `eocm-${companyName.replace(/ /g, '-')}`;

export interface EngageOneSimulatorOptions {
	clientId?: string;
	secret?: string;
	customerId?: string;
	/** Token lifetime in seconds (the vendor's is 3600). */
	tokenLifetimeSeconds?: number;
	/** The Communicate company's name, for the `eocm-` form of PB-Customer-Id. */
	companyName?: string;
	/**
	 * Which PB-Customer-Id value the Private API accepts. EngageOne's docs disagree: the header
	 * table (https://docs.communicate.engageone.co/APIUsage.html) says the company name prefixed
	 * with `eocm-`, spaces replaced by hyphens, case-sensitive (`eocm`); its REST example says "your
	 * customer ID" (`customer-id`, the default). Only the chosen form passes; also settable at run
	 * time as `sim.data.pbCustomerIdForm`.
	 */
	pbCustomerIdForm?: 'customer-id' | 'eocm';
}

type Json = Record<string, any>;

interface EngageOneState {
	/** Successful token exchanges. */
	exchanges: number;
	/** Refused token exchanges. */
	failedExchanges: number;
	/** Tokens of an older generation are refused: bumping it expires every issued token. */
	generation: number;
	sends: Json[];
	unsubscribes: string[];
	/** Test knob: after this many accepted sends, every issued token expires (once). */
	expireTokensAfterSends?: number;
	/** Test knob: the next this-many sends are processed but answered `{"send_id": null}`. */
	nullSendIds: number;
}

const base64url = (value: Buffer | string) => Buffer.from(value).toString('base64url');

export function createEngageOneSimulator(options: EngageOneSimulatorOptions = {}): Simulator {
	const clientId = options.clientId ?? ENGAGEONE_DEFAULTS.clientId;
	const secret = options.secret ?? ENGAGEONE_DEFAULTS.secret;
	const customerId = options.customerId ?? ENGAGEONE_DEFAULTS.customerId;
	const lifetime = options.tokenLifetimeSeconds ?? 3600;
	const companyName = options.companyName ?? ENGAGEONE_DEFAULTS.companyName;
	const signingKey = randomBytes(32);

	const state: EngageOneState = {
		exchanges: 0,
		failedExchanges: 0,
		generation: 1,
		sends: [],
		unsubscribes: [],
		nullSendIds: 0,
	};

	const error = (status: number, message: string): SimResponse => ({ status, body: { message } });

	const sign = (payload: Json): string => {
		const head = `${base64url(JSON.stringify({ typ: 'JWT', alg: 'HS256' }))}.${base64url(JSON.stringify(payload))}`;
		return `${head}.${base64url(createHmac('sha256', signingKey).update(head).digest())}`;
	};

	/** The token's claims when its signature, expiry and generation hold. */
	const verify = (token: string): { claims?: Json; problem?: string } => {
		const parts = token.split('.');
		if (parts.length !== 3) return { problem: 'Malformed token' };
		const expected = createHmac('sha256', signingKey).update(`${parts[0]}.${parts[1]}`).digest();
		const actual = Buffer.from(parts[2], 'base64url');
		if (actual.length !== expected.length || !timingSafeEqual(actual, expected))
			return { problem: 'Invalid token signature' };
		const claims = JSON.parse(Buffer.from(parts[1], 'base64url').toString('utf8')) as Json;
		if (typeof claims.exp !== 'number' || claims.exp <= Date.now() / 1000)
			return { problem: 'Token expired' };
		if (claims.gen !== state.generation) return { problem: 'Token expired' };
		return { claims };
	};

	const authenticate = (req: SimRequest): SimResponse => {
		const body = (req.body ?? {}) as Json;
		if (
			typeof body.client_id !== 'string' ||
			typeof body.secret !== 'string' ||
			typeof body.customer_id !== 'string'
		) {
			state.failedExchanges++;
			return error(400, 'client_id, secret and customer_id are required');
		}
		if (
			body.client_id.toLowerCase() !== clientId.toLowerCase() ||
			body.secret !== secret ||
			body.customer_id !== customerId
		) {
			state.failedExchanges++;
			return error(401, 'Unauthorized');
		}
		state.exchanges++;
		const iat = Date.now() / 1000;
		const token = sign({
			iss: 'production--us-east-1',
			sub: newId(),
			iat,
			nbf: iat,
			exp: iat + lifetime,
			gen: state.generation,
			profile: {
				id: newId(),
				name: 'n8n',
				email: clientId.toLowerCase(),
				sub_id: customerId,
				subscription_id: newId(),
				roles: ['admin'],
			},
		});
		// The vendor's body is the bare JSON string, no wrapper object.
		return { status: 200, body: token };
	};

	const send =
		(version: 'v1' | 'v2') =>
		(req: SimRequest): SimResponse => {
			const body = req.body as Json;
			const path = String(body.email_json_path);
			const field =
				version === 'v2'
					? path
					: (
							/^\$\[\*\]\.(.+)$/.exec(path)?.[1] ??
							/^\$\[\*\]\['(.+)'\]$/.exec(path)?.[1] ??
							''
						).replace(/\\(.)/g, '$1');
			const missing = (body.dataset as Json[]).findIndex(
				(row) => typeof row[field] !== 'string' || !row[field].includes('@'),
			);
			if (missing >= 0) return error(400, `dataset[${missing}] has no email address at ${path}`);
			const sendId = newId();
			state.sends.push({ version, campaign: req.params.campaign, sendId, body });
			if (
				state.expireTokensAfterSends !== undefined &&
				state.sends.length >= state.expireTokensAfterSends
			) {
				state.expireTokensAfterSends = undefined;
				state.generation++;
			}
			if (state.nullSendIds > 0) {
				state.nullSendIds--;
				return { status: 200, body: { send_id: null } };
			}
			return { status: 200, body: { send_id: sendId } };
		};

	const PUBLIC_OPERATIONS = new Set(['addUnsubscribe']);

	const sim: Simulator = new Simulator({
		name: 'engageone',
		openapi: [path.join(__dirname, 'openapi.json')],
		authenticate(req) {
			if (PUBLIC_OPERATIONS.has(req.operationId ?? '')) return undefined;
			const token = authToken(req, 'Bearer');
			if (!token) return error(401, 'Missing Authorization header');
			const { claims, problem } = verify(token);
			if (!claims) return error(401, problem ?? 'Unauthorized');
			const customer = headerOf(req, 'pb-customer-id');
			if (!customer) return error(403, 'Missing PB-Customer-Id header');
			const form =
				(sim.data.pbCustomerIdForm as string | undefined) ??
				options.pbCustomerIdForm ??
				'customer-id';
			// The token's customer, in the form this account expects (case-sensitive).
			const expected = form === 'eocm' ? eocmCustomerId(companyName) : claims.profile?.sub_id;
			if (customer !== expected)
				return error(403, `PB-Customer-Id ${customer} is not the company this token acts for`);
			return undefined;
		},
		errorResponse: (status, message) => error(status, message),
		handlers: {
			transactionalCampaignV2: send('v2'),
			transactionalCampaignV1: send('v1'),
			listProjects: () => ({ status: 200, body: [{ name: 'Samples' }, { name: 'my-project' }] }),
			addUnsubscribe(req) {
				const email = String((req.body as Json).email).toLowerCase();
				if (!state.unsubscribes.includes(email)) state.unsubscribes.push(email);
				return { status: 200, body: { email, unsubscribed: true } };
			},
		},
		rawRoutes: [
			{
				method: 'POST',
				path: /^\/authenticate$/,
				handler: authenticate,
				operationId: 'authenticate',
			},
			{
				method: 'POST',
				path: /^\/__sim\/expire-tokens$/,
				handler: () => {
					state.generation++;
					return { status: 200, body: { expired: true, generation: state.generation } };
				},
			},
		],
		state: () => state,
		resetState() {
			state.exchanges = 0;
			state.failedExchanges = 0;
			state.sends.length = 0;
			state.unsubscribes.length = 0;
			state.expireTokensAfterSends = undefined;
			state.nullSendIds = 0;
		},
	});
	return sim;
}

/** Typed access to the simulator's state for tests. */
export function engageOneState(sim: Simulator): EngageOneState {
	return sim.spec.state!() as EngageOneState;
}

/** Makes every token issued so far invalid: the next call with one gets 401. */
export function expireEngageOneTokens(sim: Simulator): void {
	engageOneState(sim).generation++;
}

/** The demo credential for a simulator at baseUrl: every API family points at it. */
export function demoCredential(baseUrl: string): SimulatorCredential {
	return {
		id: 'demo-engageone',
		name: 'EngageOne Communicate (simulator)',
		type: 'engageOneCommunicateApi',
		data: {
			clientId: ENGAGEONE_DEFAULTS.clientId,
			secret: ENGAGEONE_DEFAULTS.secret,
			customerId: ENGAGEONE_DEFAULTS.customerId,
			region: 'us-east-1',
			usersApiUrl: baseUrl,
			apiUrl: baseUrl,
			customHosts: true,
			publicApiUrl: `${baseUrl}/public`,
		},
	};
}
