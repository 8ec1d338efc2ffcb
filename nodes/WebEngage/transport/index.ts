import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { ApiRequest, RequestContext, VendorApi } from '../../shared';
import { apiRequest, checkBaseUrl, checkKnownValue } from '../../shared';

const DATA_CENTER_HOSTS: Record<string, string> = {
	global: 'https://api.webengage.com',
	india: 'https://api.in.webengage.com',
	ksa: 'https://api.ksa.webengage.com',
};

/** A bulk call carries at most 25 records: 30 s is ample, and a hung call ends soon. */
export const WEBENGAGE_TIMEOUT_SECONDS = 30;

/** The credential's base URL: a known data center's host, or a custom http(s) URL. */
export function webEngageBaseUrl(credentials: ICredentialDataDecryptedObject): string {
	const dataCenter = checkKnownValue(credentials.dataCenter ?? 'global', 'Data Center', [
		...Object.keys(DATA_CENTER_HOSTS),
		'custom',
	]);
	return dataCenter === 'custom' ? checkBaseUrl(credentials.baseUrl, 'Base URL') : DATA_CENTER_HOSTS[dataCenter];
}

/** Bulk endpoints take at most 25 users or events per call (WebEngage bulk API docs). */
export const WEBENGAGE_BULK_LIMIT = 25;

export const webEngageApi: VendorApi = {
	name: 'WebEngage',
	credentialType: 'webEngageApi',
	baseUrl: webEngageBaseUrl,
	// Sent as `Authorization: Bearer <key>`.
	secrets: (credentials) => [String(credentials.apiKey ?? '')],
	timeoutMs: WEBENGAGE_TIMEOUT_SECONDS * 1000,
	pathParams(credentials: ICredentialDataDecryptedObject) {
		return { licenseCode: String(credentials.licenseCode ?? '').trim() };
	},
	// Envelope: {"response": {"status": "error", "message": "..."}}
	errorMessage(body: unknown) {
		const response = (body as { response?: { message?: unknown } })?.response;
		return typeof response?.message === 'string' ? response.message : undefined;
	},
	// No Retry-After is documented: back off from 1 s and let the per-minute window pass.
	retry: { baseDelayMs: 1000, maxDelayMs: 30_000, maxTotalWaitMs: 180_000, maxRetries: 8 },
};

/** A request to WebEngage; user and event ingestion carry an `x-request-id` dedupe key. */
export async function webEngageRequest(
	this: RequestContext,
	request: ApiRequest & { dedupe?: boolean },
): Promise<IDataObject> {
	const { dedupe, ...rest } = request;
	return await apiRequest.call(this, webEngageApi, {
		...rest,
		...(dedupe ? { dedupeHeader: 'x-request-id' } : {}),
	});
}
