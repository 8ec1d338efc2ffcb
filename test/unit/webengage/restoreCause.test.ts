import { restoreCause } from '../../../nodes/WebEngage/transport';

describe('restoreCause (n8n 1.123 request errors without cause)', () => {
	it('turns a network code into cause.code so a reset can be replayed', () => {
		const error = { cause: undefined, httpCode: 'ECONNRESET', messages: ['socket hang up'], context: {} };
		restoreCause(error);
		expect(error.cause).toEqual({ message: 'socket hang up', code: 'ECONNRESET' });
	});

	it('turns an HTTP status and body into cause.response so the vendor message is read', () => {
		const body = { response: { status: 'error', message: 'Unauthorized' } };
		const error = { cause: undefined, httpCode: '401', messages: ['Request failed with status code 401'], context: { data: body } };
		restoreCause(error);
		expect(error.cause).toEqual({ message: 'Request failed with status code 401', response: { status: 401, data: body } });
	});

	it('leaves an error that already has a cause alone', () => {
		const cause = new Error('client');
		const error = { cause, httpCode: '500' };
		restoreCause(error);
		expect(error.cause).toBe(cause);
	});
});
