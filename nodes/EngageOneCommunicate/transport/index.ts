import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { ApiRequest, ApiResponse, RequestContext, VendorApi } from '../../shared';
import { apiRequest, apiRequestFull, checkCredentialFields } from '../../shared';

export const CREDENTIAL_TYPE = 'engageOneCommunicateApi';

const DEFAULT_USERS_API_URL = 'https://usersapi.communicate.engageone.co';

/**
 * Records per transactional call. No limit is documented (inferred): 500 rows keeps a call well
 * under common gateway body limits for typical rows, and the byte cap below guards large rows.
 */
export const ENGAGEONE_MAX_BATCH_RECORDS = 500;
export const ENGAGEONE_MAX_BATCH_BYTES = 5 * 1024 * 1024;

/** The API families of the EngageOne Communicate REST API (APIUsage page). */
export type ApiFamily =
	| 'archiving'
	| 'chatChannel'
	| 'documentChannel'
	| 'private'
	| 'public'
	| 'push'
	| 'users'
	| 'videoChannel'
	| 'videoDelivery';

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
	return String(value ?? '').trim().replace(/\/+$/, '');
}

/** The regional Private API host: the credential's URL, or derived from the region. */
export function regionalApiUrl(credentials: ICredentialDataDecryptedObject): string {
	const explicit = trimUrl(credentials.apiUrl);
	if (explicit) return explicit;
	const region = String(credentials.region ?? '').trim() || 'us-east-1';
	return `https://api.${region}.communicate.engageone.co`;
}

/** Base URL of one API family for this credential. */
export function familyBaseUrl(credentials: ICredentialDataDecryptedObject, family: ApiFamily): string {
	if (family === 'users') return trimUrl(credentials.usersApiUrl) || DEFAULT_USERS_API_URL;
	if (family !== 'private' && credentials.customHosts === true) {
		const override = trimUrl(credentials[FAMILY_HOST_FIELD[family]]);
		if (override) return override;
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

export const engageOneApi: VendorApi = {
	name: 'EngageOne Communicate',
	credentialType: CREDENTIAL_TYPE,
	baseUrl: regionalApiUrl,
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

export async function engageOneRequest(this: RequestContext, request: ApiRequest): Promise<IDataObject> {
	return await apiRequest.call(this, engageOneApi, request);
}

export async function engageOneRequestFull(this: RequestContext, request: ApiRequest): Promise<ApiResponse> {
	return await apiRequestFull.call(this, engageOneApi, request);
}
