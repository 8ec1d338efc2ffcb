import type { ICredentialDataDecryptedObject, IDataObject } from 'n8n-workflow';

import type { ApiRequest, RequestContext, VendorApi } from '../../shared';
import { apiRequest, checkBaseUrl, checkCredentialFields } from '../../shared';

const ENGATI_DEFAULT_BASE_URL = 'https://api.engati.ai';

/** No Engati call carries much: 30 s. */
export const ENGATI_TIMEOUT_SECONDS = 30;

/** Engati's application status code for success; any other code in a 2xx body is a failure. */
const ENGATI_SUCCESS_CODE = 1000;

interface Envelope {
	responseObject?: unknown;
	status?: { code?: unknown; message?: unknown };
	// RFC 7807 problem bodies some Engati errors use (inferred from public client code)
	title?: unknown;
	detail?: unknown;
	message?: unknown;
	error?: unknown;
}

const text = (value: unknown) =>
	typeof value === 'string' && value.trim() !== '' ? value : undefined;

/** The envelope's failure, if any: `status.code` present and not 1000. */
export function engatiBodyError(
	body: unknown,
): { message: string; code?: string | number } | undefined {
	const status = (body as Envelope | undefined)?.status;
	if (!status || typeof status !== 'object') return undefined;
	const code = status.code;
	if (code === undefined || code === null || Number(code) === ENGATI_SUCCESS_CODE) return undefined;
	return {
		message: text(status.message) ?? 'Engati reported a failure without a message',
		code: typeof code === 'number' || typeof code === 'string' ? code : String(code),
	};
}

export function engatiErrorMessage(body: unknown): string | undefined {
	const envelope = body as Envelope | undefined;
	if (!envelope || typeof envelope !== 'object') return undefined;
	return (
		text(envelope.status?.message) ??
		text(envelope.detail) ??
		text(envelope.message) ??
		text(envelope.error) ??
		text(envelope.title)
	);
}

export const engatiApi: VendorApi = {
	name: 'Engati',
	credentialType: 'engatiApi',
	baseUrl(credentials: ICredentialDataDecryptedObject) {
		return checkBaseUrl(
			String(credentials.baseUrl ?? '').trim() || ENGATI_DEFAULT_BASE_URL,
			'Base URL',
		);
	},
	pathParams(credentials: ICredentialDataDecryptedObject) {
		const ids = {
			customerId: String(credentials.customerId ?? '').trim(),
			botKey: String(credentials.botKey ?? '').trim(),
		};
		checkCredentialFields({ ...credentials, ...ids }, 'Engati API', [
			{ key: 'apiKey', label: 'API Key', required: true, noSpaces: true },
			{ key: 'customerId', label: 'Customer ID', required: true, noSpaces: true, pathSafe: true },
			{ key: 'botKey', label: 'Bot Key', required: true, noSpaces: true, pathSafe: true },
		]);
		return ids;
	},
	errorMessage: engatiErrorMessage,
	// Sent raw after `Basic ` (not base64); the other forms are masked too.
	secrets: (credentials) => [String(credentials.apiKey ?? '')],
	timeoutMs: ENGATI_TIMEOUT_SECONDS * 1000,
	bodyError: engatiBodyError,
	// No rate limits are documented: back off gently on 429 / 5xx.
	retry: { baseDelayMs: 500, maxDelayMs: 10_000, maxTotalWaitMs: 60_000, maxRetries: 5 },
};

/**
 * A request to Engati. Paths use `{customerId}` and `{botKey}` from the credential; a request's
 * `pathParams.botKey` overrides the bot key for this call (e.g. one bot per item).
 */
export async function engatiRequest(
	this: RequestContext,
	request: ApiRequest,
): Promise<IDataObject> {
	return await apiRequest.call(this, engatiApi, request);
}

/** The envelope's payload (`responseObject`), or the body itself when there is no envelope. */
export function responseObject(body: IDataObject): unknown {
	return body && typeof body === 'object' && 'responseObject' in body ? body.responseObject : body;
}

/** A list inside a payload: the payload itself, or its first array under a known key. */
export function listOf(payload: unknown, keys: string[]): IDataObject[] {
	if (Array.isArray(payload)) return payload as IDataObject[];
	if (payload && typeof payload === 'object') {
		for (const key of keys) {
			const value = (payload as IDataObject)[key];
			if (Array.isArray(value)) return value as IDataObject[];
		}
	}
	return [];
}
