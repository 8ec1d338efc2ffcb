import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeType,
	INodeTypes,
} from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { fieldReference, nodeParameter } from '../../../nodes/shared';

/**
 * The reader's shortcut for `={{ $json.field }}` must return what n8n's own expression engine
 * returns. These tests evaluate every case with n8n-workflow's Expression (the package's dev
 * dependency) in a real Workflow, and compare.
 */
const NODE: INode = {
	id: 'n1',
	name: 'Bulk',
	type: 'CUSTOM.bulk',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

const nodeTypes: INodeTypes = {
	getByName: () => ({ description: { properties: [] } }) as unknown as INodeType,
	getByNameAndVersion: () => ({ description: { properties: [] } }) as unknown as INodeType,
	getKnownTypes: () => ({}),
} as unknown as INodeTypes;

function n8nEvaluates(expression: string, items: INodeExecutionData[], itemIndex: number) {
	const workflow = new Workflow({
		nodes: [NODE],
		connections: {},
		active: false,
		nodeTypes,
	});
	return workflow.expression.getParameterValue(
		expression,
		null,
		0,
		itemIndex,
		NODE.name,
		items,
		'manual',
		{},
	);
}

/** An execute context whose getNodeParameter is n8n's evaluation, counting its calls. */
function context(parameters: IDataObject, items: INodeExecutionData[]) {
	const calls: string[] = [];
	const node = { ...NODE, parameters } as INode;
	const ctx = {
		getNode: () => node,
		getInputData: () => items,
		getNodeParameter: (name: string, i: number) => {
			calls.push(name);
			let raw: unknown = parameters;
			for (const part of name.split('.')) raw = (raw as IDataObject)[part];
			return n8nEvaluates(raw as string, items, i);
		},
	} as unknown as IExecuteFunctions;
	return { ctx, calls };
}

const items: INodeExecutionData[] = [
	{
		json: {
			email: 'a@x.io',
			n: 42,
			zero: 0,
			flag: false,
			empty: '',
			nul: null,
			obj: { city: 'Pune', deep: { code: 'PN' } },
			list: ['a', 'b'],
			'first name': 'Ann',
			"it's": 'quoted',
			$odd: 'dollar',
			spaced: '  keep  ',
		},
	},
	{ json: { email: 'b@x.io', n: -1.5, obj: 'not an object' } },
];

const EXPRESSIONS = [
	'={{ $json.email }}',
	'={{$json.email}}',
	'={{   $json.n   }}',
	'={{ $json.zero }}',
	'={{ $json.flag }}',
	'={{ $json.empty }}',
	'={{ $json.spaced }}',
	'={{ $json.nul }}',
	'={{ $json.missing }}',
	'={{ $json.obj }}',
	'={{ $json.obj.city }}',
	'={{ $json.obj.deep.code }}',
	'={{ $json.obj.missing }}',
	'={{ $json.list }}',
	'={{ $json.list.length }}',
	'={{ $json["first name"] }}',
	"={{ $json['first name'] }}",
	'={{ $json["it\'s"] }}',
	'={{ $json.$odd }}',
	'={{ $json.email.toString }}',
	'={{ $json.toString }}',
	'={{ $json.email.length }}',
];

describe('field references: the shortcut returns what n8n returns', () => {
	it.each(EXPRESSIONS)('%s', (expression) => {
		// A value, or the error n8n throws (the shortcut must leave those to n8n).
		const outcome = (read: () => unknown) => {
			try {
				return { value: read() };
			} catch (error) {
				return { error: (error as Error).message };
			}
		};
		for (let i = 0; i < items.length; i++) {
			const expected = outcome(() => n8nEvaluates(expression, items, i));
			const { ctx } = context({ value: expression, nested: { value: expression } }, items);
			expect(outcome(() => nodeParameter(ctx, 'value', i))).toEqual(expected);
			expect(outcome(() => (nodeParameter(ctx, 'nested', i) as IDataObject).value)).toEqual(
				expected,
			);
		}
	});

	it('reads plain string, number and boolean fields without n8n, everything else through n8n', () => {
		const { ctx, calls } = context(
			{
				email: '={{ $json.email }}',
				city: '={{ $json.obj.city }}',
				named: '={{ $json["first name"] }}',
				n: '={{ $json.n }}',
				flag: '={{ $json.flag }}',
				missing: '={{ $json.missing }}',
				nul: '={{ $json.nul }}',
				object: '={{ $json.obj }}',
				computed: '={{ $json.email.toUpperCase() }}',
			},
			items,
		);
		for (const name of ['email', 'city', 'named', 'n', 'flag', 'missing', 'nul', 'object'])
			nodeParameter(ctx, name, 0);
		nodeParameter(ctx, 'computed', 0);
		expect(calls).toEqual(['missing', 'nul', 'object', 'computed']);
	});

	it('recognises only whole-expression field references', () => {
		expect(fieldReference('={{ $json.a.b }}')).toEqual(['a', 'b']);
		expect(fieldReference('={{ $json["a b"][\'c\'] }}')).toEqual(['a b', 'c']);
		for (const other of [
			'{{ $json.a }}',
			'=x {{ $json.a }}',
			'={{ $json.a }} ',
			'={{ $json.a }}{{ $json.b }}',
			'={{ $json.a + 1 }}',
			'={{ $json.a() }}',
			'={{ $json[0] }}',
			'={{ $json["a\\"b"] }}',
			'={{ $json.constructor }}',
			'={{ $json.__proto__ }}',
			'={{ $json["prototype"] }}',
			'={{ $json }}',
			'={{ $input.item.json.a }}',
			'={{ $("Node").item.json.a }}',
		]) {
			expect(fieldReference(other)).toBeUndefined();
		}
	});
});
