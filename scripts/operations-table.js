// Prints, for each node of the package, a Markdown table of its resources and operations, read from
// the built node descriptions, so the README lists exactly what the nodes offer.
const path = require('path');
const pkg = require('../package.json');

for (const file of pkg.n8n.nodes) {
	const mod = require(path.join('..', file));
	const NodeClass = Object.values(mod).find((v) => typeof v === 'function');
	const { description } = new NodeClass();
	const resource = description.properties.find((p) => p.name === 'resource');
	if (!resource) continue;
	console.log(`\n#### ${description.displayName}\n`);
	console.log('| Resource | Operations |\n|---|---|');
	for (const r of resource.options) {
		const ops = description.properties.filter(
			(p) => p.name === 'operation' && p.displayOptions?.show?.resource?.includes(r.value),
		);
		const names = ops.flatMap((p) => p.options.map((o) => o.name));
		console.log(`| ${r.name} | ${names.join(', ')} |`);
	}
}
