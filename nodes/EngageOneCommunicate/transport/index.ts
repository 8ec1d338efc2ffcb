import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { ApiRequest, ApiResponse, RequestContext, VendorApi } from '../../shared';
import {
	apiRequest,
	apiRequestFull,
	checkBaseUrl,
	checkCredentialFields,
	CredentialSettingError,
} from '../../shared';

export const CREDENTIAL_TYPE = 'engageOneCommunicateApi';

const DEFAULT_USERS_API_URL = 'https://usersapi.communicate.engageone.co';

/**
 * Regions whose Private/Public API host EngageOne's docs confirm. Other regions exist (a team picks
 * its data location) but their hosts are not published: such a team enters its host in
 * "Regional API URL" instead of the node guessing one.
 */
const ENGAGEONE_REGION_HOSTS: Record<string, string> = {
	'us-east-1': 'https://api.us-east-1.communicate.engageone.co',
};

/** A transactional call carries up to 500 rows (5 MB): two minutes. */
export const ENGAGEONE_TIMEOUT_SECONDS = 120;

/**
 * Records per transactional call. No limit is documented (inferred): 500 rows keeps a call well
 * under common gateway body limits for typical rows, and the byte cap below guards large rows.
 */
export const ENGAGEONE_MAX_BATCH_RECORDS = 500;
export const ENGAGEONE_MAX_BATCH_BYTES = 5 * 1024 * 1024;

/** The API families of the EngageOne Communicate REST API (APIUsage page). */
export const API_FAMILIES = [
	'archiving',
	'chatChannel',
	'documentChannel',
	'private',
	'public',
	'push',
	'users',
	'videoChannel',
	'videoDelivery',
] as const;
export type ApiFamily = (typeof API_FAMILIES)[number];

/** Credential field that overrides a family's host; families without one use the regional host. */
const FAMILY_HOST_FIELD: Record<Exclude<ApiFamily, 'users' | 'private'>, string> = {
	public: 'publicApiUrl',
	documentChannel: 'documentChannelApiUrl',
	chatChannel: 'chatChannelApiUrl',
	videoChannel: 'videoChannelApiUrl',
	videoDelivery: 'videoDeliveryApiUrl',
	archiving: 'archivingApiUrl',
	push: 'pushApiUrl',
};

function trimUrl(value: unknown): string {
	return String(value ?? '')
		.trim()
		.replace(/\/+$/, '');
}

/**
 * The regional Private API host: the credential's "Regional API URL" when set (the user's choice),
 * else the confirmed host of a known region. Nothing is guessed from a region name.
 */
export function regionalApiUrl(credentials: ICredentialDataDecryptedObject): string {
	if (trimUrl(credentials.apiUrl)) return checkBaseUrl(credentials.apiUrl, 'Regional API URL');
	const region = String(credentials.region ?? '').trim() || 'us-east-1';
	const host = ENGAGEONE_REGION_HOSTS[region];
	if (!host) {
		throw new CredentialSettingError(
			'Region',
			`"Region" is "${region}", whose API host EngageOne does not publish (known: ${Object.keys(ENGAGEONE_REGION_HOSTS).join(', ')}): enter your team's API host in "Regional API URL"`,
		);
	}
	return host;
}

/** The Users API host, which issues tokens. */
export function usersApiUrl(credentials: ICredentialDataDecryptedObject): string {
	return trimUrl(credentials.usersApiUrl)
		? checkBaseUrl(credentials.usersApiUrl, 'Users API URL')
		: DEFAULT_USERS_API_URL;
}

/** Display names of the per-family host fields, for errors. */
const FAMILY_FIELD_NAME: Record<string, string> = {
	publicApiUrl: 'Public API URL',
	documentChannelApiUrl: 'Document Channel API URL',
	chatChannelApiUrl: 'Chat Channel API URL',
	videoChannelApiUrl: 'Video Channel API URL',
	videoDeliveryApiUrl: 'Video Delivery API URL',
	archivingApiUrl: 'Archiving API URL',
	pushApiUrl: 'Push Notification API URL',
};

/** Base URL of one API family for this credential. */
export function familyBaseUrl(
	credentials: ICredentialDataDecryptedObject,
	family: ApiFamily,
): string {
	if (family === 'users') return usersApiUrl(credentials);
	if (family !== 'private' && credentials.customHosts === true) {
		const field = FAMILY_HOST_FIELD[family];
		if (trimUrl(credentials[field]))
			return checkBaseUrl(credentials[field], FAMILY_FIELD_NAME[field]);
	}
	return regionalApiUrl(credentials);
}

function messageOf(body: unknown): string | undefined {
	if (typeof body === 'string') return body.trim() || undefined;
	if (!body || typeof body !== 'object') return undefined;
	const b = body as Record<string, unknown>;
	for (const key of ['message', 'error', 'detail', 'errorMessage']) {
		const value = b[key];
		if (typeof value === 'string' && value) return value;
		if (value && typeof value === 'object') {
			const nested = messageOf(value);
			if (nested) return nested;
		}
	}
	return undefined;
}

const engageOneApi: VendorApi = {
	name: 'EngageOne Communicate',
	credentialType: CREDENTIAL_TYPE,
	// A request's `host` is an API family (`ApiFamily`); without one, the regional Private API host.
	baseUrl: (credentials, host) =>
		host === undefined
			? regionalApiUrl(credentials)
			: familyBaseUrl(credentials, host as ApiFamily),
	// The token goes to the hosts the credential names, and nowhere else.
	origins: (credentials) => [
		regionalApiUrl(credentials),
		...(
			[
				'users',
				'public',
				'documentChannel',
				'chatChannel',
				'videoChannel',
				'videoDelivery',
				'archiving',
				'push',
			] as const
		).map((family) => familyBaseUrl(credentials, family)),
	],
	// The client secret (in the token exchange) and the JWT it buys (Bearer on every call).
	secrets: (credentials) => [
		String(credentials.secret ?? ''),
		String(credentials.accessToken ?? ''),
	],
	timeoutMs: ENGAGEONE_TIMEOUT_SECONDS * 1000,
	pathParams(credentials: ICredentialDataDecryptedObject) {
		checkCredentialFields(credentials, 'EngageOne Communicate API', [
			{ key: 'clientId', label: 'Client ID', required: true },
			{ key: 'secret', label: 'Secret', required: true },
			{ key: 'customerId', label: 'Customer ID', required: true, noSpaces: true },
		]);
		return {};
	},
	// No error envelope is documented; take the usual message fields when present.
	errorMessage: messageOf,
	// The JWT in the credential expires after an hour; n8n renews it when a request throws a 401.
	refreshTokenOn401: true,
};

/**
 * What a 403 most likely means here: EngageOne's docs disagree on the PB-Customer-Id value (the
 * header table: `eocm-` plus the company name; the REST example: the customer ID), and the
 * credential test cannot check it, so a refused header first shows on a real call.
 */
const PB_CUSTOMER_ID_HINT =
	'EngageOne refused the call for this customer: check "PB-Customer-Id Header" in the credential. Empty sends the Customer ID; ' +
	"EngageOne's header table describes the value as eocm- plus the company name with spaces replaced by hyphens, case-sensitive (e.g. eocm-Acme-Corp).";

function explainForbidden(error: unknown): never {
	const e = error as { httpCode?: string | null; description?: string | null } | undefined;
	if (e && String(e.httpCode) === '403') e.description = PB_CUSTOMER_ID_HINT;
	throw error;
}

export async function engageOneRequest(
	this: RequestContext,
	request: ApiRequest,
): Promise<IDataObject> {
	try {
		return await apiRequest.call(this, engageOneApi, request);
	} catch (error) {
		explainForbidden(error);
	}
}

export async function engageOneRequestFull(
	this: RequestContext,
	request: ApiRequest,
): Promise<ApiResponse> {
	try {
		return await apiRequestFull.call(this, engageOneApi, request);
	} catch (error) {
		explainForbidden(error);
	}
}
