#!/usr/bin/env node
/**
 * Checks the packages `npm run packages` built (.tmp/packages/built.json): each tarball holds only
 * dist/, examples/, package.json, README.md and LICENSE; a per-vendor package holds no file of
 * another vendor; the n8n block lists exactly the package's own nodes and credentials, all shipped;
 * no runtime dependencies; repository, homepage, bugs and author are those of
 * packaging/metadata.json (the root package.json too); the README has its sections; the example
 * workflows use the package's own node types and credential types.
 */
const fs = require('node:fs');
const path = require('node:path');

const { sharedMetadata } = require('./build-packages');

const ROOT = path.resolve(__dirname, '..');
const { packages } = JSON.parse(
	fs.readFileSync(path.join(ROOT, 'packaging', 'packages.json'), 'utf8'),
);
/** Files that belong to one vendor, by the vendor's folder / file prefixes. */
const VENDOR_FILES = {
	webengage: /(^|\/)(WebEngage|webengage)[./]/,
	dotdigital: /(^|\/)(DotdigitalCpaas|DotdigitalCpaasTrigger|dotdigital)[./]/,
	engati: /(^|\/)(Engati|engati)[./]/,
	engageone: /(^|\/)(EngageOneCommunicate|engageone)[./]/,
};
const README_SECTIONS = [
	'## Installation',
	'## Credentials (authentication)',
	'## Nodes and operations',
	'## Example workflows',
	'## Compatibility',
	'## License',
];

function checkPackage(pkg, builtEntry) {
	const errors = [];
	const say = (msg) => errors.push(`${pkg.name}: ${msg}`);
	const files = builtEntry.files;
	const manifest = JSON.parse(fs.readFileSync(path.join(builtEntry.dir, 'package.json'), 'utf8'));
	for (const f of files) {
		if (
			!(
				f.startsWith('dist/') ||
				f.startsWith('examples/') ||
				['package.json', 'README.md', 'LICENSE'].includes(f)
			)
		)
			say(`ships ${f}`);
		if (/(^|\/)(test|tools|bench)\/|simulator|harness|\.map$|\.d\.ts$/i.test(f)) say(`ships ${f}`);
	}
	for (const f of ['package.json', 'README.md', 'LICENSE'])
		if (!files.includes(f)) say(`lacks ${f}`);
	if (!pkg.bundle) {
		const own = Object.entries(VENDOR_FILES).filter(([, re]) =>
			pkg.nodes.some((n) => re.test(`${n}.`)),
		);
		for (const f of files) {
			for (const [vendor, re] of Object.entries(VENDOR_FILES)) {
				if (re.test(f) && !own.some(([v]) => v === vendor)) say(`ships ${vendor}'s file ${f}`);
			}
		}
	}
	const nodes = pkg.nodes.map((n) => `dist/nodes/${n}.node.js`).sort();
	const credentials = pkg.credentials.map((c) => `dist/credentials/${c}.credentials.js`).sort();
	if (JSON.stringify([...manifest.n8n.nodes].sort()) !== JSON.stringify(nodes))
		say(`n8n.nodes is ${manifest.n8n.nodes}`);
	if (JSON.stringify([...manifest.n8n.credentials].sort()) !== JSON.stringify(credentials))
		say(`n8n.credentials is ${manifest.n8n.credentials}`);
	for (const f of [...nodes, ...credentials]) if (!files.includes(f)) say(`does not ship ${f}`);
	if (manifest.dependencies && Object.keys(manifest.dependencies).length)
		say('has runtime dependencies');
	if (manifest.license !== 'MIT') say('is not MIT');
	if (!manifest.keywords.includes('n8n-community-node-package'))
		say('lacks the n8n-community-node-package keyword');
	const meta = sharedMetadata();
	for (const key of Object.keys(meta)) {
		if (JSON.stringify(manifest[key]) !== JSON.stringify(meta[key]))
			say(`${key} differs from packaging/metadata.json`);
	}
	const readme = fs.readFileSync(path.join(builtEntry.dir, 'README.md'), 'utf8');
	for (const s of README_SECTIONS) if (!readme.includes(`\n${s}\n`)) say(`README lacks "${s}"`);
	const credentialTypes = new Set(
		pkg.credentials.map((c) => {
			const name = /this\.name = '([^']+)'/.exec(
				fs.readFileSync(
					path.join(builtEntry.dir, 'dist', 'credentials', `${c}.credentials.js`),
					'utf8',
				),
			)[1];
			return name;
		}),
	);
	if (pkg.credentialNames) {
		for (const [from, to] of Object.entries(pkg.credentialNames)) {
			if (!credentialTypes.has(to))
				say(`credential type ${to} (renamed from ${from}) is not shipped`);
			for (const f of files.filter((x) => x.endsWith('.js'))) {
				if (
					new RegExp(`['"]${from}['"]`).test(fs.readFileSync(path.join(builtEntry.dir, f), 'utf8'))
				)
					say(`${f} still names credential type ${from}`);
			}
		}
	}
	for (const file of pkg.examples) {
		const wf = JSON.parse(fs.readFileSync(path.join(builtEntry.dir, 'examples', file), 'utf8'));
		for (const node of wf.nodes) {
			if (!node.type.startsWith('n8n-nodes-base.') && !node.type.startsWith(`${pkg.name}.`))
				say(`example ${file}: node type ${node.type}`);
			for (const type of Object.keys(node.credentials ?? {}))
				if (!credentialTypes.has(type)) say(`example ${file}: credential type ${type}`);
		}
	}
	return errors;
}

function checkRoot() {
	const root = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
	const meta = sharedMetadata();
	return Object.keys(meta)
		.filter((key) => JSON.stringify(root[key]) !== JSON.stringify(meta[key]))
		.map(
			(key) =>
				`package.json (root): ${key} differs from packaging/metadata.json: ${JSON.stringify(meta[key])}`,
		);
}

function main() {
	const built = JSON.parse(
		fs.readFileSync(path.join(ROOT, '.tmp', 'packages', 'built.json'), 'utf8'),
	);
	const errors = [...checkRoot()];
	for (const pkg of packages) {
		const entry = built.find((b) => b.name === pkg.name);
		if (!entry || !entry.files) {
			errors.push(`${pkg.name}: not built and packed (npm run packages)`);
			continue;
		}
		errors.push(...checkPackage(pkg, entry));
	}
	if (errors.length) {
		for (const e of errors) console.error(e);
		process.exit(1);
	}
	console.log(`packages: ${built.map((b) => `${b.name} (${b.files.length} files)`).join(', ')} ok`);
}

module.exports = { checkPackage, checkRoot };

if (require.main === module) main();
