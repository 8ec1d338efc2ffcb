import type { OutputShape } from '../../../nodes/shared';
import { outputProperties, shapeOutput } from '../../../nodes/shared';
import { mockContext } from './mock-context';

const shape = (kind: OutputShape['kind']): OutputShape => ({
	kind,
	record: 'profile',
	fields: { id: 'its ID', email: 'email address' },
});

const record = { id: 'p1', email: 'a@example.com', tier: 'gold', _system: true };

describe('Simplify and Output of large reads', () => {
	it('version 1 keeps the raw record by default, version 2 simplifies', () => {
		const [v1, v2] = outputProperties(shape('simplify'));
		expect(v1).toMatchObject({ name: 'simplify', default: false });
		expect(v1.displayOptions?.show?.['@version']).toEqual([1]);
		expect(v2).toMatchObject({ name: 'simplify', default: true });
		expect(v2.displayOptions?.show?.['@version']).toEqual([2]);
		expect(v2.description).toMatch(/^Whether .*id \(its ID\), email \(email address\)/);
		const output = outputProperties(shape('output'));
		expect(output.map((p) => [p.name, p.default, p.displayOptions?.show?.['@version']])).toEqual([
			['output', 'raw', [1]],
			['outputFields', '', [1]],
			['output', 'simple', [2]],
			['outputFields', '', [2]],
		]);
	});

	it('Simplify keeps the simplified fields only when on', () => {
		const on = mockContext({ parameters: { simplify: true } }).ctx;
		expect(shapeOutput.call(on, [record], 0, shape('simplify'))).toEqual([
			{ id: 'p1', email: 'a@example.com' },
		]);
		const off = mockContext({ parameters: { simplify: false } }).ctx;
		expect(shapeOutput.call(off, record, 0, shape('simplify'))).toEqual(record);
	});

	it('Output: simplified, raw, or the fields named', () => {
		const run = (parameters: Record<string, unknown>) =>
			shapeOutput.call(mockContext({ parameters }).ctx, record, 0, shape('output'));
		expect(run({ output: 'simple' })).toEqual({ id: 'p1', email: 'a@example.com' });
		expect(run({ output: 'raw' })).toEqual(record);
		expect(run({ output: 'fields', outputFields: ' tier , id, missing' })).toEqual({
			tier: 'gold',
			id: 'p1',
		});
	});

	it('a dot names a nested field, kept under its parents; an exact top-level name wins', () => {
		const nested = {
			id: 'r1',
			activity: { city: 'Pune', pageUrl: 'https://example.com', ip: '203.0.113.7' },
			'a.b': 'literal',
			a: { b: 'nested' },
		};
		const run = (outputFields: string) =>
			shapeOutput.call(
				mockContext({ parameters: { output: 'fields', outputFields } }).ctx,
				nested,
				0,
				shape('output'),
			);
		expect(run('id, activity.city, activity.pageUrl, activity.missing, missing.x')).toEqual({
			id: 'r1',
			activity: { city: 'Pune', pageUrl: 'https://example.com' },
		});
		expect(run('a.b')).toEqual({ 'a.b': 'literal' });
		expect(run('activity, activity.city')).toEqual({ activity: nested.activity });
		expect(nested.activity).toEqual({
			city: 'Pune',
			pageUrl: 'https://example.com',
			ip: '203.0.113.7',
		});
		const simplified = shapeOutput.call(
			mockContext({ parameters: { output: 'simple' } }).ctx,
			[nested],
			0,
			{ kind: 'output', record: 'response', fields: { id: 'its ID', 'activity.city': 'city' } },
		);
		expect(simplified).toEqual([{ id: 'r1', activity: { city: 'Pune' } }]);
	});
});
