import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { ApiRequest, ApiResponse, RequestContext, VendorApi } from '../../shared';
import {
	apiRequest,
	apiRequestFull,
	checkBaseUrl,
	checkCredentialFields,
	checkKnownValue,
} from '../../shared';

/** `/messages/batch` takes at most 5000 send requests and 10 MB of JSON per call (batch API docs). */
export const DOTDIGITAL_BATCH_LIMIT = 5000;
export const DOTDIGITAL_BATCH_MAX_BYTES = 10 * 1024 * 1024;

const REGIONS = ['r1', 'r2', 'r3'] as const;

/** A batch call may carry 10 MB (5,000 messages): give it a minute. */
export const DOTDIGITAL_TIMEOUT_SECONDS = 60;

/**
 * Base URL per credential mode. Every operation then uses the same relative path (`/messages`,
 * `/webhooks`, …): the current API lives under `/cpaas`, the legacy one under `/apispaces/{id}`.
 */
export function dotdigitalBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const custom = String(credentials.customBaseUrl ?? '').trim();
	if (custom) return checkBaseUrl(custom, 'Custom Base URL');
	if (credentials.authMode === 'apiSpaceToken') {
		return `https://api.comapi.com/apispaces/${encodeURIComponent(String(credentials.apiSpaceId ?? '').trim())}`;
	}
	const region = checkKnownValue(credentials.region ?? 'r1', 'Region', REGIONS);
	return `https://${region}-api.dotdigital.com/cpaas`;
}

function messageFrom(body: unknown): string | undefined {
	if (typeof body === 'string') return body || undefined;
	if (!body || typeof body !== 'object') return undefined;
	const record = body as IDataObject;
	for (const key of ['message', 'Message', 'error', 'detail', 'title']) {
		if (typeof record[key] === 'string' && record[key]) return record[key] as string;
	}
	// 400 bodies describe validation errors in a shape the docs do not publish: show them as JSON.
	const validation = record.validation ?? record.errors ?? record.details;
	if (validation !== undefined) return JSON.stringify(validation).slice(0, 1000);
	return undefined;
}

export const dotdigitalCpaasApi: VendorApi = {
	name: 'dotdigital CPaaS',
	credentialType: 'dotdigitalCpaasApi',
	baseUrl: dotdigitalBaseUrl,
	pathParams(credentials: ICredentialDataDecryptedObject) {
		checkCredentialFields(
			credentials,
			'dotdigital CPaaS API',
			credentials.authMode === 'apiSpaceToken'
				? [{ key: 'accessToken', label: 'Access Token', required: true, noSpaces: true }]
				: [
						{ key: 'username', label: 'Username', required: true, noSpaces: true, noColon: true },
						{ key: 'password', label: 'Password', required: true },
					],
		);
		return {};
	},
	errorMessage: messageFrom,
	// Basic sends base64(`user:password`); API-space mode a Bearer token.
	secrets: (credentials) => {
		const password = String(credentials.password ?? '');
		return [
			password,
			password && `${String(credentials.username ?? '')}:${password}`,
			String(credentials.accessToken ?? ''),
		];
	},
	timeoutMs: DOTDIGITAL_TIMEOUT_SECONDS * 1000,
	// 429 carries X-RateLimit-Reset; back off from 1 s within a bounded total wait.
	retry: { baseDelayMs: 1000, maxDelayMs: 30_000, maxTotalWaitMs: 120_000, maxRetries: 8 },
};

/** A request to dotdigital CPaaS, relative to the credential's base URL. */
export async function dotdigitalRequest(
	this: RequestContext,
	request: ApiRequest,
): Promise<IDataObject> {
	return await apiRequest.call(this, dotdigitalCpaasApi, request);
}

/** Same, with status code and headers (e.g. ETag). */
export async function dotdigitalRequestFull<T = unknown>(
	this: RequestContext,
	request: ApiRequest,
): Promise<ApiResponse<T>> {
	return await apiRequestFull.call<
		RequestContext,
		[VendorApi, ApiRequest],
		Promise<ApiResponse<T>>
	>(this, dotdigitalCpaasApi, request);
}
