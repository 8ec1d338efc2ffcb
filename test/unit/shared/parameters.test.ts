import type { IDataObject, IExecuteFunctions, INode, INodeExecutionData } from 'n8n-workflow';

import { buildEvent } from '../../../nodes/WebEngage/actions/event/fields';
import { mapProfile } from '../../../nodes/DotdigitalCpaas/actions/profile/upsertMany.operation';
import { buildUser } from '../../../nodes/WebEngage/actions/user/fields';
import {
	fieldMapping,
	forEachMappedField,
	holdsExpression,
	nodeParameter,
	parameterReader,
	parseFieldMapping,
} from '../../../nodes/shared';

/**
 * A context like n8n's: raw node parameters, and a getNodeParameter that "evaluates" expressions
 * `={{ $json.<field> }}` (paths with dots and [n] as lodash reads them), counting its calls.
 */
function n8nLikeContext(parameters: IDataObject, items: IDataObject[]) {
	const node: INode = {
		id: 'n1',
		name: 'Node',
		type: 'CUSTOM.x',
		typeVersion: 1,
		position: [0, 0],
		parameters: parameters as INode['parameters'],
	};
	const calls: string[] = [];
	let getNodeCalls = 0;
	const lookup = (path: string): unknown => {
		let value: unknown = parameters;
		for (const part of path.replace(/\[(\d+)\]/g, '.$1').split('.'))
			value = (value as IDataObject | undefined)?.[part];
		return value;
	};
	const evaluate = (value: unknown, i: number): unknown => {
		if (typeof value === 'string' && value.startsWith('=')) {
			const field = /\$json\.(\w+)/.exec(value)?.[1];
			return field ? items[i][field] : value.slice(1);
		}
		if (Array.isArray(value)) return value.map((v) => evaluate(v, i));
		if (value && typeof value === 'object')
			return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, evaluate(v, i)]));
		return value;
	};
	const ctx = {
		getNode: () => {
			getNodeCalls++;
			return node;
		},
		getInputData: () => items.map((json) => ({ json })) as INodeExecutionData[],
		getNodeParameter: (name: string, i: number, fallback?: unknown) => {
			calls.push(`${name}#${i}`);
			const raw = lookup(name);
			if (raw === undefined) {
				if (fallback === undefined) throw new Error(`Could not get parameter "${name}"`);
				return fallback;
			}
			return evaluate(raw, i);
		},
	} as unknown as IExecuteFunctions;
	return { ctx, calls, getNodeCalls: () => getNodeCalls };
}

describe('parameterReader', () => {
	it('returns fixed values without calling getNodeParameter, and reads the node once', () => {
		const { ctx, calls, getNodeCalls } = n8nLikeContext(
			{ mode: 'fields', list: [1, 2], options: { a: 'x' } },
			[{}, {}, {}],
		);
		for (let i = 0; i < 3; i++) {
			expect(nodeParameter(ctx, 'mode', i)).toBe('fields');
			expect(nodeParameter(ctx, 'list', i)).toEqual([1, 2]);
			expect(nodeParameter(ctx, 'options', i, {})).toEqual({ a: 'x' });
		}
		expect(calls).toEqual([]);
		expect(getNodeCalls()).toBe(1);
		expect(parameterReader(ctx).node.name).toBe('Node');
	});

	it('evaluates an expression for every item', () => {
		const { ctx, calls } = n8nLikeContext({ userId: '={{ String($json.id) }}' }, [
			{ id: 'a' },
			{ id: 'b' },
		]);
		expect(nodeParameter(ctx, 'userId', 0)).toBe('a');
		expect(nodeParameter(ctx, 'userId', 1)).toBe('b');
		expect(calls).toEqual(['userId#0', 'userId#1']);
	});

	it('evaluates only the expression leaves of a collection, with fresh containers per item', () => {
		const { ctx, calls } = n8nLikeContext(
			{
				additionalFields: { email: '={{ String($json.email) }}', company: 'ACME', optIn: true },
				attributes: { values: [{ key: 'plan', value: '={{ String($json.plan) }}' }] },
			},
			[
				{ email: 'a@x.io', plan: 'gold' },
				{ email: 'b@x.io', plan: 'free' },
			],
		);
		const first = nodeParameter(ctx, 'additionalFields', 0) as IDataObject;
		const second = nodeParameter(ctx, 'additionalFields', 1) as IDataObject;
		expect(first).toEqual({ email: 'a@x.io', company: 'ACME', optIn: true });
		expect(second).toEqual({ email: 'b@x.io', company: 'ACME', optIn: true });
		expect(first).not.toBe(second);
		expect(nodeParameter(ctx, 'attributes', 1)).toEqual({
			values: [{ key: 'plan', value: 'free' }],
		});
		expect(calls).toEqual([
			'additionalFields.email#0',
			'additionalFields.email#1',
			'attributes.values[0].value#1',
		]);
	});

	it('leaves missing parameters to getNodeParameter (its fallback, or its error)', () => {
		const { ctx, calls } = n8nLikeContext({}, [{}]);
		expect(nodeParameter(ctx, 'absent', 0, 'dflt')).toBe('dflt');
		expect(() => nodeParameter(ctx, 'absent', 0)).toThrow('Could not get parameter "absent"');
		expect(calls).toEqual(['absent#0', 'absent#0']);
	});

	it('knows expressions anywhere in a value', () => {
		expect(holdsExpression('={{ 1 }}')).toBe(true);
		expect(holdsExpression('plain = text')).toBe(false);
		expect(holdsExpression({ a: [{ b: '=x' }] })).toBe(true);
		expect(holdsExpression({ a: [{ b: 'x' }], c: 3, d: null })).toBe(false);
	});
});

describe('WebEngage builders through the reader', () => {
	it.each([
		['field references read from the item: no call', '={{ $json.id }}', '={{ $json.email }}', 0],
		[
			'other expressions: one call each',
			'={{ String($json.id) }}',
			'={{ String($json.email) }}',
			2,
		],
	])('a user with fixed fields and %s', (_label, userId, email, callsPerItem) => {
		const items = Array.from({ length: 50 }, (_, i) => ({ id: `u${i}`, email: `u${i}@x.io` }));
		const { ctx, calls } = n8nLikeContext(
			{
				inputMode: 'fields',
				userId,
				additionalFields: { email, company: 'ACME' },
				attributes: {},
			},
			items,
		);
		for (let i = 0; i < items.length; i++) {
			expect(buildUser.call(ctx, i)).toEqual({
				userId: `u${i}`,
				email: `u${i}@x.io`,
				company: 'ACME',
			});
		}
		expect(calls).toHaveLength(callsPerItem * items.length);
	});
});

describe('automatic mapping', () => {
	const node = { name: 'N' } as INode;

	it('parses ignore and rename settings, refusing half or duplicate renames', () => {
		const mapping = parseFieldMapping(
			node,
			' a, b ,,',
			{ values: [{ from: 'crm_id', to: 'userId' }] },
			0,
		);
		expect([...mapping.ignore]).toEqual(['a', 'b']);
		expect([...mapping.rename]).toEqual([['crm_id', 'userId']]);
		expect(() => parseFieldMapping(node, '', { values: [{ from: 'x', to: '' }] }, 2)).toThrow(
			/"Rename Fields" needs both.*\[item 2\]/,
		);
		expect(() =>
			parseFieldMapping(
				node,
				'',
				{
					values: [
						{ from: 'a', to: 'x' },
						{ from: 'b', to: 'x' },
					],
				},
				0,
			),
		).toThrow(/renames two fields to "x"/);
		expect(() => parseFieldMapping(node, 5, {}, 0)).toThrow(/"Fields to Ignore" must be text/);
	});

	it('takes fields by name, less ignored, renamed, skipping undefined; refuses a rename collision', () => {
		const mapping = parseFieldMapping(
			node,
			'secret',
			{ values: [{ from: 'crm_id', to: 'userId' }] },
			0,
		);
		const seen: Array<[string, unknown]> = [];
		forEachMappedField(
			node,
			{ crm_id: 'c1', secret: 's', email: 'e', gone: undefined, empty: null },
			mapping,
			0,
			(name, value) => seen.push([name, value]),
		);
		expect(seen).toEqual([
			['userId', 'c1'],
			['email', 'e'],
			['empty', null],
		]);
		expect(() =>
			forEachMappedField(node, { crm_id: 'c1', userId: 'u' }, mapping, 3, () => undefined),
		).toThrow(/"crm_id" is renamed to "userId", but the item has a field "userId" too \[item 3\]/);
	});

	it('reads the settings once per execution when they are fixed', () => {
		const { ctx } = n8nLikeContext({ ignoreFields: 'a', renameFields: {} }, [{}, {}]);
		expect(fieldMapping(ctx, 0)).toBe(fieldMapping(ctx, 1));
	});

	it('WebEngage user: known fields as user fields, the rest as attributes, nulls dropped', () => {
		const items = [
			{
				crm_id: 42,
				email: 'Jane@Example.com',
				firstName: 'Jane',
				phone: '+44 20 7946 0958',
				plan: 'gold',
				score: 7,
				attributes: { tier: 2 },
				internal: 'x',
				fax: null,
			},
		];
		const { ctx, calls } = n8nLikeContext(
			{
				inputMode: 'auto',
				ignoreFields: 'internal',
				renameFields: { values: [{ from: 'crm_id', to: 'userId' }] },
			},
			items,
		);
		expect(buildUser.call(ctx, 0)).toEqual({
			userId: '42',
			email: 'Jane@Example.com',
			firstName: 'Jane',
			phone: '+442079460958',
			attributes: { plan: 'gold', score: 7, tier: 2 },
		});
		expect(calls).toEqual([]);
	});

	it('WebEngage user: bad input is named by item and field', () => {
		const { ctx } = n8nLikeContext({ inputMode: 'auto', ignoreFields: '', renameFields: {} }, [
			{ userId: 'ok' },
			{ userId: 'u', phone: 'call me' },
			{ email: 'x@y.io' },
			{ userId: 'u', we_flag: true },
		]);
		expect(buildUser.call(ctx, 0)).toEqual({ userId: 'ok' });
		expect(() => buildUser.call(ctx, 1)).toThrow(/"Phone" is not an E\.164.*\[item 1\]/);
		expect(() => buildUser.call(ctx, 2)).toThrow(
			/"User ID" or "Anonymous ID" is required \[item 2\]/,
		);
		expect(() => buildUser.call(ctx, 3)).toThrow(/Input field "we_flag".*"we_" \[item 3\]/);
	});

	it('WebEngage event: known event fields, the rest as event data, the default name', () => {
		const { ctx } = n8nLikeContext(
			{ inputMode: 'auto', autoEventName: 'Order Placed', ignoreFields: '', renameFields: {} },
			[
				{ userId: 'u1', total: 9.5, sku: 'A' },
				{ userId: 'u2', eventName: 'Refund', eventData: { amount: 3 } },
				{ userId: 'u3', eventName: 'we_login' },
			],
		);
		expect(buildEvent.call(ctx, 0)).toEqual({
			userId: 'u1',
			eventName: 'Order Placed',
			eventData: { total: 9.5, sku: 'A' },
		});
		expect(buildEvent.call(ctx, 1)).toEqual({
			userId: 'u2',
			eventName: 'Refund',
			eventData: { amount: 3 },
		});
		expect(() => buildEvent.call(ctx, 2)).toThrow(/"Event Name".*reserved prefix.*\[item 2\]/);
	});

	it('dotdigital profile: every field by name, id required, no _ fields', () => {
		const { ctx } = n8nLikeContext(
			{
				inputMode: 'auto',
				ignoreFields: '',
				renameFields: { values: [{ from: 'contactId', to: 'id' }] },
			},
			[
				{ contactId: 7, email: 'a@b.io', phoneNumber: '447123123123', note: null },
				{ email: 'a@b.io' },
				{ contactId: 'p', _system: 1 },
			],
		);
		expect(mapProfile(ctx, { contactId: 7, email: 'a@b.io', note: null }, 0)).toEqual({
			id: '7',
			email: 'a@b.io',
		});
		expect(() => mapProfile(ctx, { email: 'a@b.io' }, 1)).toThrow(/"id" is required.*\[item 1\]/);
		expect(() => mapProfile(ctx, { contactId: 'p', _system: 1 }, 2)).toThrow(
			/Input field "_system".*\[item 2\]/,
		);
	});
});
