import { parseExecution } from '../../../tools/harness/n8n';

const run = (status: string, error?: object) =>
	JSON.stringify(
		{
			data: {
				resultData: {
					runData: { Node: [{ data: { main: [[{ json: { a: 1 }, pairedItem: { item: 0 } }]] } }] },
					...(error ? { error } : {}),
				},
			},
			status,
		},
		null,
		2,
	);

describe('parseExecution (what `n8n execute --rawOutput` prints)', () => {
	it('reads a successful run', () => {
		const result = parseExecution(run('success'), '');
		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(result.output('Node')).toEqual([{ a: 1 }]);
	});

	it('reads a failed run printed between two failure banners (n8n 1.123)', () => {
		const stdout =
			'NodeApiError\nExecution was NOT successful. See log message for details.\nExecution error:\n' +
			'====================================\n' +
			run('error', {
				message: 'Vendor returned an error (HTTP 401) [item 0]',
				description: 'Check the key',
			}) +
			'\nError executing workflow. See log messages for details.\n\nExecution error:\n' +
			'====================================\nVendor returned an error (HTTP 401) [item 0]\nNodeApiError: …stack…\n';
		const result = parseExecution(stdout, '');
		expect(result.status).toBe('error');
		expect(result.error).toEqual({
			message: 'Vendor returned an error (HTTP 401) [item 0]',
			description: 'Check the key',
			node: undefined,
		});
		expect(result.output('Node')).toEqual([{ a: 1 }]);
	});

	it('reads a successful run followed by a log line (n8n 2.x on a busy machine)', () => {
		const result = parseExecution(
			`${run('success')}\nDatabase ping failed (1): Database connection timed out\n`,
			'',
		);
		expect(result.error).toBeUndefined();
		expect(result.status).toBe('success');
		expect(result.output('Node')).toEqual([{ a: 1 }]);
	});

	it('falls back to the printed message when no run JSON came out', () => {
		const result = parseExecution(
			'Execution error:\n====================================\nThe workflow has issues\n',
			'',
		);
		expect(result.error?.message).toBe('The workflow has issues');
		expect(() => result.items('Node')).toThrow(/did not run/);
	});
});
