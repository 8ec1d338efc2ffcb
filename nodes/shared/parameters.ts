import type {
	IDataObject,
	IExecuteFunctions,
	INode,
	INodeExecutionData,
	INodeParameters,
} from 'n8n-workflow';

/**
 * Per-item parameter reads without n8n's per-call cost where nothing varies per item.
 *
 * n8n's `getNodeParameter(name, i)` walks the whole value through its expression resolver, cleans it
 * up and validates it on every call, even when the value holds no expression, and `getNode()` deep
 * copies the node (all its parameters) on every call. Bulk operations read several parameters for each
 * of thousands of items, so this reader looks at the node's raw parameters once per execution:
 *
 * - a value with no expression is returned as it is, for every item, without calling n8n (the same
 *   object each time: callers copy before they change it);
 * - a value that is an expression (a string starting with `=`) is evaluated by `getNodeParameter` for
 *   each item, as before;
 * - a collection or list holding some expressions gets a fresh copy per item in which only the
 *   expression leaves are evaluated (each by its own `getNodeParameter('<name>.<key>', i)`), the fixed
 *   ones are copied as they are;
 * - a parameter missing from the node's parameters (a mocked context, a hidden field) goes to
 *   `getNodeParameter` with its fallback, as before;
 * - an expression that is only a reference to a field of the item, `={{ $json.email }}`,
 *   `={{ $json.address.city }}` or `={{ $json["first name"] }}`, is read from the item's JSON when
 *   the field holds a string, number or boolean, because n8n's evaluation of such an expression
 *   returns exactly that value (`$json` is the node's input item `itemIndex`; a whole-expression
 *   result of a primitive type is returned unchanged; none of this package's parameters declares a
 *   `validateType`, the only check n8n would add). Anything else (a missing or inherited field, an
 *   object, null, any other expression) goes to `getNodeParameter`, which keeps n8n's errors.
 */
export interface ParameterReader {
	/** The node, read once (n8n's `getNode()` copies it on every call). */
	readonly node: INode;
	/** The parameter `name` for item `itemIndex`, as `getNodeParameter(name, itemIndex, fallback)`. */
	get(name: string, itemIndex: number, fallback?: unknown): unknown;
	/** Item `itemIndex`'s JSON (the input read once); an empty object for a missing item. */
	json(itemIndex: number): IDataObject;
}

/** How a parameter is read for each item, decided once from its raw value. */
type Plan =
	| { kind: 'fixed'; value: unknown }
	| { kind: 'evaluate' }
	| { kind: 'mixed'; build: (itemIndex: number) => unknown };

/**
 * `={{ $json<accessors> }}` and nothing else: `.name` (an identifier) or `["text"]` / `['text']`
 * (no escapes), one or more, whitespace allowed only inside the braces around the reference.
 */
const FIELD_REFERENCE =
	/^=\{\{\s*\$json((?:\.[A-Za-z_$][\w$]*|\[(?:"[^"\\\r\n]*"|'[^'\\\r\n]*')\])+)\s*\}\}$/;
const ACCESSOR = /\.([A-Za-z_$][\w$]*)|\[(?:"([^"]*)"|'([^']*)')\]/g;
/** Names n8n's sandbox treats specially (or that reach the prototype): always left to n8n. */
const RESERVED_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The field path of an expression that only references an item field, or undefined. */
export function fieldReference(value: unknown): string[] | undefined {
	if (typeof value !== 'string') return undefined;
	const match = FIELD_REFERENCE.exec(value);
	if (!match) return undefined;
	const path: string[] = [];
	for (const part of match[1].matchAll(ACCESSOR)) {
		const key = part[1] ?? part[2] ?? part[3];
		if (RESERVED_KEYS.has(key)) return undefined;
		path.push(key);
	}
	return path;
}

/** Marks a field read that must go to n8n instead. */
const NOT_READ = Symbol('not read');

/** The primitive at `path` in `json`, through own properties of plain objects only. */
function readField(json: unknown, path: string[]): unknown {
	let value = json;
	for (let n = 0; n < path.length; n++) {
		if (value === null || typeof value !== 'object' || Array.isArray(value)) return NOT_READ;
		if (!Object.prototype.hasOwnProperty.call(value, path[n])) return NOT_READ;
		value = (value as Record<string, unknown>)[path[n]];
	}
	const type = typeof value;
	return type === 'string' || type === 'number' || type === 'boolean' ? value : NOT_READ;
}

const readers = new WeakMap<object, ParameterReader>();

/** Whether a raw parameter value is an n8n expression. */
export function isExpression(value: unknown): boolean {
	return typeof value === 'string' && value.charCodeAt(0) === 61; /* '=' */
}

/** Whether a raw parameter value is, or holds anywhere inside it, an expression. */
export function holdsExpression(value: unknown): boolean {
	if (isExpression(value)) return true;
	if (Array.isArray(value)) {
		for (const entry of value) if (holdsExpression(entry)) return true;
		return false;
	}
	if (value !== null && typeof value === 'object') {
		for (const key in value) {
			if (holdsExpression((value as Record<string, unknown>)[key])) return true;
		}
	}
	return false;
}

/**
 * A builder for a value that is or holds expressions: fixed leaves are shared, containers are copied
 * per item, a field-reference leaf is read from the item, other expression leaves are evaluated one
 * by one by their path.
 */
function mixedBuilder(
	ctx: IExecuteFunctions,
	json: (itemIndex: number) => unknown,
	value: unknown,
	path: string,
): (itemIndex: number) => unknown {
	if (isExpression(value)) {
		const field = fieldReference(value);
		if (field === undefined) return (i) => ctx.getNodeParameter(path, i);
		return (i) => {
			const read = readField(json(i), field);
			return read === NOT_READ ? ctx.getNodeParameter(path, i) : read;
		};
	}
	if (!holdsExpression(value)) return () => value;
	if (Array.isArray(value)) {
		const parts = value.map((entry, index) => mixedBuilder(ctx, json, entry, `${path}[${index}]`));
		return (i) => {
			const out = new Array<unknown>(parts.length);
			for (let n = 0; n < parts.length; n++) out[n] = parts[n](i);
			return out;
		};
	}
	const keys = Object.keys(value as object);
	const parts = keys.map((key) =>
		mixedBuilder(ctx, json, (value as Record<string, unknown>)[key], `${path}.${key}`),
	);
	return (i) => {
		const out: Record<string, unknown> = {};
		for (let n = 0; n < keys.length; n++) out[keys[n]] = parts[n](i);
		return out;
	};
}

function planFor(
	ctx: IExecuteFunctions,
	json: (itemIndex: number) => unknown,
	parameters: INodeParameters,
	name: string,
): Plan {
	const raw = (parameters as Record<string, unknown>)[name];
	if (raw === undefined) return { kind: 'evaluate' };
	if (!holdsExpression(raw)) return { kind: 'fixed', value: raw };
	return { kind: 'mixed', build: mixedBuilder(ctx, json, raw, name) };
}

/** The reader for this execution context (one per node run; cached, so any helper may ask for it). */
export function parameterReader(ctx: IExecuteFunctions): ParameterReader {
	const cached = readers.get(ctx);
	if (cached) return cached;
	const node = ctx.getNode();
	const parameters = node.parameters ?? {};
	const plans = new Map<string, Plan>();
	let items: INodeExecutionData[] | undefined;
	/** Item `itemIndex`'s JSON for a field reference; undefined for a missing item (n8n errors). */
	const itemJson = (itemIndex: number): unknown => {
		items ??= ctx.getInputData();
		return items[itemIndex]?.json;
	};
	const reader: ParameterReader = {
		node,
		json(itemIndex: number): IDataObject {
			return (itemJson(itemIndex) as IDataObject | undefined) ?? {};
		},
		get(name: string, itemIndex: number, fallback?: unknown): unknown {
			let plan = plans.get(name);
			if (plan === undefined) {
				plan = name.includes('.') ? { kind: 'evaluate' } : planFor(ctx, itemJson, parameters, name);
				plans.set(name, plan);
			}
			if (plan.kind === 'fixed') return plan.value;
			if (plan.kind === 'mixed') return plan.build(itemIndex);
			return fallback === undefined
				? ctx.getNodeParameter(name, itemIndex)
				: ctx.getNodeParameter(name, itemIndex, fallback);
		},
	};
	readers.set(ctx, reader);
	return reader;
}

/** `getNodeParameter(name, itemIndex, fallback)` through the execution's reader. */
export function nodeParameter(
	ctx: IExecuteFunctions,
	name: string,
	itemIndex: number,
	fallback?: unknown,
): unknown {
	return parameterReader(ctx).get(name, itemIndex, fallback);
}
