/** IExecuteFunctions-shaped mocks for unit tests of the shared core (no n8n, no network). */
import type {
	IExecuteFunctions,
	IHttpRequestOptions,
	INode,
	INodeExecutionData,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

export const NODE: INode = {
	id: 'node-1',
	name: 'Vendor',
	type: 'CUSTOM.vendor',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

export interface SentRequest {
	method: string;
	url: string;
	headers: Record<string, unknown>;
	body?: unknown;
	qs?: unknown;
}

/** One scripted answer of the request helper: a response, or what n8n throws. */
export type Outcome =
	| { status: number; body?: unknown; headers?: Record<string, string> }
	| { throws: unknown };

export interface MockContextOptions {
	outcomes?: Outcome[];
	credentials?: Record<string, unknown>;
	continueOnFail?: boolean;
	parameters?: Record<string, unknown>;
	items?: INodeExecutionData[];
	/** Header the fake n8n adds as authentication (what the credential's `authenticate` does). */
	authorization?: string;
}

/**
 * The error n8n's `httpRequestWithAuthentication` throws for an HTTP or network error: a
 * NodeApiError built from the HTTP client's (Axios) error, whose request config carries the auth header.
 */
export function n8nHttpError(options: {
	status?: number;
	headers?: Record<string, string>;
	data?: unknown;
	code?: string;
	message?: string;
	authorization?: string;
	password?: string;
}): NodeApiError {
	const axiosLike = Object.assign(
		new Error(options.message ?? `Request failed with status code ${options.status}`),
		{
			name: 'AxiosError',
			isAxiosError: true,
			code: options.code ?? (options.status !== undefined ? 'ERR_BAD_REQUEST' : undefined),
			...(options.status !== undefined
				? {
						response: {
							status: options.status,
							headers: options.headers ?? {},
							data: options.data,
						},
					}
				: {}),
			config: {
				headers: { Authorization: options.authorization, Accept: 'application/json' },
				...(options.password ? { auth: { username: 'user', password: options.password } } : {}),
			},
		},
	);
	// Exactly what n8n does; n8n-workflow 1.120's NodeApiError keeps only httpCode and context.data
	// of the client error at run time (its `cause` ends up undefined).
	return new NodeApiError(NODE, axiosLike as never);
}

export function mockContext(options: MockContextOptions = {}) {
	const outcomes = [...(options.outcomes ?? [])];
	const sent: SentRequest[] = [];
	const httpRequestWithAuthentication = jest.fn(
		async (_type: string, request: IHttpRequestOptions) => {
			sent.push({
				method: request.method ?? 'GET',
				url: request.url,
				headers: { ...(request.headers as Record<string, unknown>) },
				body: request.body,
				qs: request.qs,
			});
			const next = outcomes.shift();
			if (!next) throw new Error('mock: no scripted outcome left for this request');
			if ('throws' in next) throw next.throws;
			if (next.status >= 400 && !request.ignoreHttpStatusErrors) {
				throw n8nHttpError({
					status: next.status,
					headers: next.headers,
					data: next.body,
					authorization: options.authorization,
				});
			}
			return { body: next.body, statusCode: next.status, headers: next.headers ?? {} };
		},
	);
	const getCredentials = jest.fn(
		async () => options.credentials ?? { apiKey: 'k', baseUrl: 'http://127.0.0.1:1' },
	);
	const parameters = options.parameters ?? {};
	const ctx = {
		helpers: {
			httpRequestWithAuthentication,
			returnJsonArray: (data: unknown) =>
				(Array.isArray(data) ? data : [data]).map((json) => ({ json })) as INodeExecutionData[],
			constructExecutionMetaData: (
				data: INodeExecutionData[],
				{ itemData }: { itemData: { item: number } },
			) => data.map((entry) => ({ ...entry, pairedItem: itemData })),
		},
		getNode: () => NODE,
		getCredentials,
		continueOnFail: jest.fn(() => options.continueOnFail ?? false),
		getInputData: () => options.items ?? [{ json: {} }],
		getNodeParameter: jest.fn((name: string, itemIndex: number, fallback?: unknown) => {
			const value = parameters[name];
			if (typeof value === 'function') return value(itemIndex);
			return value === undefined ? fallback : value;
		}),
	};
	return {
		ctx: ctx as unknown as IExecuteFunctions,
		sent,
		httpRequestWithAuthentication,
		getCredentials,
	};
}
