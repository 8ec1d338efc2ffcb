import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import {
	apiError,
	attachItem,
	errorItemJson,
	inputError,
	redact,
	withItemMarker,
} from '../../../nodes/shared/errors';
import { NODE } from './mock-context';

const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ1c2VyLTEyMzQ1In0.c2lnbmF0dXJlLXZhbHVlLTEyMw';

describe('redact', () => {
	it('hides Bearer and Basic credentials whatever their case', () => {
		expect(redact('Authorization: Bearer abc.DEF-123_xyz was refused')).toBe(
			'Authorization: Bearer *** was refused',
		);
		expect(redact('basic dXNlcjpwYXNzd29yZA== is wrong')).toBe('basic *** is wrong');
	});

	it('hides a JWT sent as a Bearer token', () => {
		expect(redact(`Authorization: Bearer ${JWT}`)).toBe('Authorization: Bearer ***');
	});

	it('hides every occurrence of the given secrets', () => {
		expect(redact('key k3y-42xx then k3y-42xx again', ['k3y-42xx'])).toBe('key *** then *** again');
	});

	it('leaves very short "secrets" and ordinary text alone', () => {
		expect(redact('a b c', ['a', ''])).toBe('a b c');
		expect(redact('Bearer of bad news')).toBe('Bearer of bad news');
	});
});

describe('withItemMarker', () => {
	it('adds the marker once', () => {
		expect(withItemMarker('failed', 3)).toBe('failed [item 3]');
		expect(withItemMarker(withItemMarker('failed', 3), 3)).toBe('failed [item 3]');
		expect(withItemMarker('failed', undefined)).toBe('failed');
	});
});

describe('apiError', () => {
	it('names the vendor, status, code, vendor message and item', () => {
		const error = apiError(NODE, {
			vendor: 'Engati',
			httpCode: 200,
			vendorCode: 1004,
			vendorMessage: 'Bot not found',
			itemIndex: 1,
		});
		expect(error).toBeInstanceOf(NodeApiError);
		expect(error.message).toBe(
			'Engati returned an error (HTTP 200) [code 1004]: Bot not found [item 1]',
		);
		expect(error.httpCode).toBe('200');
		expect(error.context.itemIndex).toBe(1);
	});

	it('adds a hint for known statuses, else the request, else the given description', () => {
		expect(apiError(NODE, { vendor: 'A', httpCode: 401 }).description).toMatch(
			/Check the credential/,
		);
		expect(apiError(NODE, { vendor: 'A', httpCode: 418, operation: 'GET /tea' }).description).toBe(
			'Request: GET /tea',
		);
		expect(apiError(NODE, { vendor: 'A', httpCode: 401, description: 'custom' }).description).toBe(
			'custom',
		);
		expect(apiError(NODE, { vendor: 'A' }).message).toBe('A returned an error');
	});
});

describe('inputError', () => {
	it('is a NodeOperationError naming the item with a description', () => {
		const error = inputError(NODE, '"Email" is empty', { itemIndex: 2, description: 'Set it' });
		expect(error).toBeInstanceOf(NodeOperationError);
		expect(error.message).toBe('"Email" is empty [item 2]');
		expect(error.description).toBe('Set it');
		expect(error.context.itemIndex).toBe(2);
	});
});

describe('attachItem', () => {
	it('keeps an n8n error, adds the item index and the marker once', () => {
		const original = apiError(NODE, { vendor: 'A', httpCode: 400, itemIndex: 4 });
		const attached = attachItem(NODE, original, 4);
		expect(attached).toBe(original);
		expect(attached.message).toBe('A returned an error (HTTP 400) [item 4]');
		expect((attached as NodeApiError).context.itemIndex).toBe(4);
	});

	it('wraps anything else in a redacted NodeOperationError', () => {
		const attached = attachItem(NODE, new Error(`failed with Bearer ${JWT}`), 0);
		expect(attached).toBeInstanceOf(NodeOperationError);
		expect(attached.message).toBe('failed with Bearer *** [item 0]');
		expect(attached.message).toMatch(/\[item 0\]$/);
		expect(attachItem(NODE, 'just text', 7).message).toBe('just text [item 7]');
	});
});

describe('errorItemJson', () => {
	it('carries message, description and HTTP code when present', () => {
		expect(errorItemJson(inputError(NODE, 'bad', { itemIndex: 0, description: 'fix it' }))).toEqual(
			{ error: 'bad [item 0]', description: 'fix it' },
		);
		expect(errorItemJson(apiError(NODE, { vendor: 'A', httpCode: 404 }))).toMatchObject({
			httpCode: '404',
		});
		expect(errorItemJson('plain')).toEqual({ error: 'plain' });
	});
});
