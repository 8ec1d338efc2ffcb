import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { ApiRequest, RequestContext, VendorApi } from '../../shared';
import { apiRequest, checkCredentialFields } from '../../shared';

const DATA_CENTER_HOSTS: Record<string, string> = {
	global: 'https://api.webengage.com',
	india: 'https://api.in.webengage.com',
	ksa: 'https://api.ksa.webengage.com',
};

/** Bulk endpoints take at most 25 users or events per call (WebEngage bulk API docs). */
export const WEBENGAGE_BULK_LIMIT = 25;

export const webEngageApi: VendorApi = {
	name: 'WebEngage',
	credentialType: 'webEngageApi',
	baseUrl(credentials: ICredentialDataDecryptedObject) {
		const dataCenter = String(credentials.dataCenter ?? 'global');
		const host = dataCenter === 'custom' ? String(credentials.baseUrl ?? '') : DATA_CENTER_HOSTS[dataCenter];
		return host;
	},
	pathParams(credentials: ICredentialDataDecryptedObject) {
		checkCredentialFields(credentials, 'WebEngage API', [
			{ key: 'apiKey', label: 'API Key', required: true, noSpaces: true },
		]);
		const licenseCode = String(credentials.licenseCode ?? '').trim();
		checkCredentialFields({ licenseCode }, 'WebEngage API', [
			{ key: 'licenseCode', label: 'License Code', required: true, noSpaces: true, pathSafe: true },
		]);
		return { licenseCode };
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
