#!/usr/bin/env node
/**
 * Summarises a V8 CPU profile of an n8n run (`BENCH_CPU_PROF=<dir> npx tsx bench/bulk.ts` writes one
 * per run of this package's nodes): where the time of the node went, as inclusive time of the frames
 * that matter (each counted once, at its outermost call) and self time by area.
 *
 * Usage: node bench/profile-summary.js <file.cpuprofile> [items]
 */
const fs = require('fs');

const [file, itemsArg] = process.argv.slice(2);
if (!file) {
	console.error('usage: node bench/profile-summary.js <file.cpuprofile> [items]');
	process.exit(1);
}
const items = Number(itemsArg) || undefined;
const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
const interval = (profile.endTime - profile.startTime) / profile.samples.length; // µs per sample
const selfSamples = new Map();
for (const id of profile.samples) selfSamples.set(id, (selfSamples.get(id) ?? 0) + 1);

/** Inclusive samples of each node. */
const inclusive = new Map();
function total(node) {
	if (inclusive.has(node.id)) return inclusive.get(node.id);
	let sum = selfSamples.get(node.id) ?? 0;
	for (const child of node.children ?? []) sum += total(nodes.get(child));
	inclusive.set(node.id, sum);
	return sum;
}
const root = profile.nodes[0];
total(root);

const ours = (n) => /\/extension\/|n8n-nodes-engagement/.test(n.callFrame.url);
const FRAMES = {
	"our node's execute (all of it)": (n) => ours(n) && n.callFrame.functionName === 'execute',
	'getNodeParameter (n8n)': (n) =>
		/^_?getNodeParameter$/.test(n.callFrame.functionName) && !ours(n),
	'  of it: expression evaluation (getParameterValue)': (n) =>
		n.callFrame.functionName === 'getParameterValue',
	'  of it: validateValueAgainstSchema': (n) =>
		n.callFrame.functionName === 'validateValueAgainstSchema',
	'getNode (n8n deep copy)': (n) => n.callFrame.functionName === 'getNode' && !ours(n),
	'our per-item build (buildUser/buildEvent/buildMessage/prepare…)': (n) =>
		ours(n) &&
		/^(buildUser|buildEvent|buildMessage|prepareRow|mapUser|mapEvent|mapProfile|prepare)$/.test(
			n.callFrame.functionName,
		),
	'our checks (readText/checkText/checkJsonText/readEmail/toE164)': (n) =>
		ours(n) &&
		/^(readText|checkText|checkJsonText|readEmail|toE164|checkJsonSize|checkIdentity)$/.test(
			n.callFrame.functionName,
		),
	'HTTP request helper (httpRequestWithAuthentication)': (n) =>
		/^(httpRequestWithAuthentication|requestWithAuthentication)$/.test(n.callFrame.functionName),
	'pairing output (constructExecutionMetaData/returnJsonArray)': (n) =>
		/^(constructExecutionMetaData|returnJsonArray)$/.test(n.callFrame.functionName),
};

/** Sum of inclusive samples at the outermost matching frames. */
function outermost(match) {
	let sum = 0;
	const walk = (node, inside) => {
		const hit = !inside && match(node);
		if (hit) sum += inclusive.get(node.id);
		for (const child of node.children ?? []) walk(nodes.get(child), inside || hit);
	};
	walk(root, false);
	return sum;
}
const ms = (samples) => (samples * interval) / 1000;
const fmt = (samples) => {
	const t = ms(samples);
	return `${t.toFixed(0).padStart(7)} ms${items ? `  ${((t * 1000) / items).toFixed(1).padStart(7)} µs/item` : ''}`;
};
console.log(
	`${file}: ${(ms(profile.samples.length) / 1000).toFixed(1)} s profiled, ${interval.toFixed(0)} µs/sample`,
);
for (const [label, match] of Object.entries(FRAMES))
	console.log(`  ${label.padEnd(66)} ${fmt(outermost(match))}`);

// Self time by area, for the whole process.
const areas = {
	'this package': ours,
	'n8n expressions (n8n-workflow expression, tournament, tmpl)': (n) =>
		/expression|tournament|tmpl|esprima|recast|ast-types/i.test(n.callFrame.url),
	'n8n-core (execution engine, helpers)': (n) => /n8n-core/.test(n.callFrame.url),
	'n8n-workflow (other)': (n) => /n8n-workflow/.test(n.callFrame.url),
	'garbage collection': (n) => n.callFrame.functionName === '(garbage collector)',
	idle: (n) => n.callFrame.functionName === '(idle)',
};
const byArea = new Map();
for (const node of profile.nodes) {
	const area =
		Object.entries(areas).find(([, match]) => match(node))?.[0] ??
		'other (Node, n8n CLI, database, HTTP)';
	byArea.set(area, (byArea.get(area) ?? 0) + (selfSamples.get(node.id) ?? 0));
}
console.log('  self time by area (whole process):');
for (const [area, samples] of [...byArea].sort((a, b) => b[1] - a[1]))
	console.log(`    ${area.padEnd(64)} ${fmt(samples)}`);
