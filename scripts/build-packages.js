#!/usr/bin/env node
/**
 * `npm run packages`: assembles the five publishable packages from the compiled dist/ (run
 * `npm run build` first) and packs each into a tarball.
 *
 *   .tmp/packages/<name>/          the package as it is published (npm pack of this folder)
 *   .tmp/packages/tarballs/*.tgz   one tarball per package
 *
 * What goes into a package is not listed by hand: it starts from the package's node and credential
 * files (packaging/packages.json) and follows their relative requires and `file:` icon references,
 * so a package holds its own nodes, credentials and icons plus the shared core they use, and no
 * other vendor's file. Metadata (repository, homepage, bugs, author, version) comes from
 * packaging/metadata.json only; README, LICENSE and example workflows are generated or copied.
 *
 *   node scripts/build-packages.js            assemble + pack
 *   node scripts/build-packages.js --no-pack  assemble only
 *   node scripts/build-packages.js --sync-root  copy packaging/metadata.json's values into the root package.json
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist');
const OUT = process.env.PACKAGES_OUT
	? path.resolve(process.env.PACKAGES_OUT)
	: path.join(ROOT, '.tmp', 'packages');
const TARBALLS = path.join(OUT, 'tarballs');

const metadata = readJson(path.join(ROOT, 'packaging', 'metadata.json'));
const { packages } = readJson(path.join(ROOT, 'packaging', 'packages.json'));
const lines = readJson(path.join(ROOT, 'scripts', 'n8n-lines.json'));
const rootPackage = readJson(path.join(ROOT, 'package.json'));

function readJson(file) {
	return JSON.parse(fs.readFileSync(file, 'utf8'));
}

/** repository, homepage, bugs and author as every package.json carries them. */
function sharedMetadata() {
	const repo = metadata.repository.replace(/\/+$/, '');
	return {
		homepage: `${repo}#readme`,
		bugs: { url: `${repo}/issues` },
		author: metadata.author,
		repository: { type: 'git', url: `git+${repo}.git` },
	};
}

/** Every file a package needs, as paths relative to the repository root (all under dist/). */
function closure(entries) {
	const seen = new Set();
	const queue = [...entries];
	while (queue.length) {
		const file = queue.shift();
		const rel = path.relative(ROOT, file);
		if (seen.has(rel)) continue;
		if (!fs.existsSync(file)) throw new Error(`${rel} is missing: run \`npm run build\` first`);
		seen.add(rel);
		if (!file.endsWith('.js')) continue;
		const source = fs.readFileSync(file, 'utf8');
		const dir = path.dirname(file);
		for (const [, spec] of source.matchAll(/require\("(\.{1,2}\/[^"]*|\.{1,2})"\)/g)) {
			queue.push(resolveModule(path.resolve(dir, spec), rel, spec));
		}
		for (const [, icon] of source.matchAll(/'file:([^']+)'/g)) queue.push(path.resolve(dir, icon));
		// n8n reads a node's codex file (<Node>.node.json) from next to the node file.
		if (file.endsWith('.node.js')) {
			const codex = file.replace(/\.js$/, '.json');
			if (fs.existsSync(codex)) queue.push(codex);
		}
	}
	return [...seen].sort();
}

function resolveModule(base, from, spec) {
	for (const candidate of [base, `${base}.js`, `${base}.json`, path.join(base, 'index.js')]) {
		if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate;
	}
	throw new Error(`${from}: cannot resolve require("${spec}")`);
}

/** Replaces credential type names where they appear as string literals (never identifiers). */
function renameCredentials(text, names) {
	let out = text;
	for (const [from, to] of Object.entries(names ?? {})) {
		out = out.replace(new RegExp(`(['"])${from}\\1`, 'g'), `$1${to}$1`);
	}
	return out;
}

/** The example workflows as this package's users import them: node types and credential keys of this package. */
function exampleFor(pkg, file) {
	const workflow = readJson(path.join(ROOT, 'examples', file));
	for (const node of workflow.nodes) {
		if (node.type.startsWith('CUSTOM.'))
			node.type = `${pkg.name}.${node.type.slice('CUSTOM.'.length)}`;
		if (node.credentials && pkg.credentialNames) {
			node.credentials = Object.fromEntries(
				Object.entries(node.credentials).map(([type, ref]) => [
					pkg.credentialNames[type] ?? type,
					ref,
				]),
			);
		}
	}
	return workflow;
}

function packageJson(pkg) {
	return {
		name: pkg.name,
		version: metadata.version,
		description: pkg.description,
		keywords: ['n8n-community-node-package', 'n8n', ...pkg.keywords],
		license: 'MIT',
		...sharedMetadata(),
		engines: rootPackage.engines,
		files: ['dist', 'examples'],
		scripts: {
			// Published only by the GitHub Actions workflow (with provenance), never from a laptop, and
			// never while packaging/metadata.json still holds a placeholder. Inline so the package ships no script file.
			prepublishOnly:
				"node -e \"const p=require('./package.json');if(!process.env.GITHUB_ACTIONS){console.error(p.name+': publish from the GitHub Actions workflow (.github/workflows/publish.yml), not by hand');process.exit(1)}if(JSON.stringify(p).includes('PLACE'+'HOLDER')){console.error(p.name+': packaging/metadata.json still holds a placeholder');process.exit(1)}\"",
		},
		n8n: {
			n8nNodesApiVersion: 1,
			strict: true,
			credentials: pkg.credentials.map((c) => `dist/credentials/${c}.credentials.js`),
			nodes: pkg.nodes.map((n) => `dist/nodes/${n}.node.js`),
		},
		peerDependencies: { 'n8n-workflow': '*' },
	};
}

/** The main README's `### <title> — …` section, with repository-relative links made absolute. */
function readmeSection(readme, title) {
	const start = readme.search(
		new RegExp(`^### ${title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} — `, 'm'),
	);
	if (start < 0) throw new Error(`README.md has no "### ${title} — " section`);
	const rest = readme.slice(start);
	const end = rest.slice(4).search(/^#{2,3} /m);
	const section = end < 0 ? rest : rest.slice(0, end + 4);
	const repo = metadata.repository.replace(/\/+$/, '');
	return section
		.replace(/^### /, '### ')
		.replace(/\]\((docs\/[^)]+)\)/g, `](${repo}/blob/main/$1)`)
		.trim();
}

function readmeFor(pkg) {
	const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
	const versions = Object.values(lines.lines).join(' and ');
	const credentialTable = pkg.credentials
		.map((c) => {
			const source = fs.readFileSync(path.join(DIST, 'credentials', `${c}.credentials.js`), 'utf8');
			const name = /this\.name = '([^']+)'/.exec(source)[1];
			const displayName = /this\.displayName = '([^']+)'/.exec(source)[1];
			return `| ${displayName} | \`${pkg.credentialNames?.[name] ?? name}\` |`;
		})
		.join('\n');
	const others = packages.filter((p) => p.name !== pkg.name);
	const parts = [
		`# ${pkg.name}`,
		'',
		`${pkg.description}.`,
		'',
		`This is an [n8n](https://n8n.io) community node package${pkg.bundle ? ' bundling the nodes of four services for self-hosted n8n' : ` for one service: ${pkg.title}`}.`,
		"It has no runtime dependencies and makes every HTTP call through n8n's own authenticated request helper.",
		'',
		'## Installation',
		'',
		`- **n8n (self-hosted)**: *Settings → Community Nodes → Install*, enter \`${pkg.name}\`, accept the notice.`,
		`- **By hand** (e.g. Docker): in \`~/.n8n/nodes\` run \`npm install ${pkg.name}\`, then restart n8n.`,
		'',
		'Other packages from the same source: ' + others.map((p) => `\`${p.name}\``).join(', ') + '.',
		pkg.bundle
			? 'The bundle holds all of them for self-hosters who want one install; n8n Cloud and the community-package verification take one service per package, so there install the per-service packages instead.'
			: '`n8n-nodes-engagement` bundles this node with the others for self-hosters who want one install.',
		"**Install either this package or the bundle for a service, not both.** The bundle's credential types carry an `engagement` prefix, so the two never collide if both are installed, but each then has its own credentials and its own nodes under the same name in the node panel.",
		'',
		'## Credentials (authentication)',
		'',
		'| Credential | Type name |',
		'|---|---|',
		credentialTable,
		'',
		'Create the credential in n8n (*Credentials → Add credential*), fill in the fields described below and',
		'use *Test* to check it; each node section below says how the service authenticates.',
		'',
		'## Nodes and operations',
		'',
		...pkg.readmeSections.map((title) => readmeSection(readme, title) + '\n'),
		'## Example workflows',
		'',
		'The `examples/` folder of this package holds workflows to import (*Workflows → Import from File*):',
		'',
		...pkg.examples.map(
			(file) => `- \`examples/${file}\`: ${readJson(path.join(ROOT, 'examples', file)).name}`,
		),
		'',
		'They refer to a credential by name; pick your own credential on each node after importing.',
		'',
		'## Compatibility',
		'',
		`Tested with n8n ${versions} (each release is loaded as a community package and its example workflows run in both).`,
		`Node.js ${rootPackage.engines.node}. n8n nodes API version 1.`,
		'',
		'## Resources',
		'',
		`- Source, issues and full documentation: ${metadata.repository}`,
		'- [n8n community nodes documentation](https://docs.n8n.io/integrations/community-nodes/)',
		'',
		'## License',
		'',
		'[MIT](LICENSE)',
		'',
	];
	return parts.join('\n');
}

function assemble(pkg) {
	const dir = path.join(OUT, pkg.name);
	fs.rmSync(dir, { recursive: true, force: true });
	const entries = [
		...pkg.nodes.map((n) => path.join(DIST, 'nodes', `${n}.node.js`)),
		...pkg.credentials.map((c) => path.join(DIST, 'credentials', `${c}.credentials.js`)),
	];
	const files = closure(entries);
	for (const rel of files) {
		const target = path.join(dir, rel);
		fs.mkdirSync(path.dirname(target), { recursive: true });
		if (rel.endsWith('.js') || rel.endsWith('.json')) {
			fs.writeFileSync(
				target,
				renameCredentials(fs.readFileSync(path.join(ROOT, rel), 'utf8'), pkg.credentialNames),
			);
		} else {
			fs.copyFileSync(path.join(ROOT, rel), target);
		}
	}
	fs.mkdirSync(path.join(dir, 'examples'));
	for (const file of pkg.examples) {
		fs.writeFileSync(
			path.join(dir, 'examples', file),
			JSON.stringify(exampleFor(pkg, file), null, '\t') + '\n',
		);
	}
	fs.writeFileSync(
		path.join(dir, 'package.json'),
		JSON.stringify(packageJson(pkg), null, 2) + '\n',
	);
	fs.writeFileSync(path.join(dir, 'README.md'), readmeFor(pkg));
	fs.copyFileSync(path.join(ROOT, 'LICENSE'), path.join(dir, 'LICENSE'));
	return { dir, files };
}

function pack(dir) {
	fs.mkdirSync(TARBALLS, { recursive: true });
	const out = execFileSync(
		'npm',
		['pack', '--ignore-scripts', '--json', '--pack-destination', TARBALLS],
		{
			cwd: dir,
			encoding: 'utf8',
			stdio: ['ignore', 'pipe', 'pipe'],
		},
	);
	const [info] = JSON.parse(out);
	return {
		tarball: path.join(TARBALLS, info.filename),
		files: info.files.map((f) => f.path).sort(),
	};
}

/** `--sync-root`: writes packaging/metadata.json's values into the root package.json (checked by scripts/check-packages.js). */
function syncRoot() {
	const file = path.join(ROOT, 'package.json');
	const root = readJson(file);
	const meta = sharedMetadata();
	const synced = {};
	for (const [key, value] of Object.entries(root)) {
		synced[key] = key in meta ? meta[key] : value;
		if (key === 'homepage') Object.assign(synced, meta, synced);
	}
	Object.assign(synced, meta, { version: metadata.version });
	fs.writeFileSync(file, JSON.stringify({ ...synced }, null, 2) + '\n');
}

function main() {
	if (process.argv.includes('--sync-root')) return syncRoot();
	const noPack = process.argv.includes('--no-pack');
	if (!fs.existsSync(path.join(DIST, 'nodes')))
		throw new Error('dist/ is missing: run `npm run build` first');
	fs.rmSync(TARBALLS, { recursive: true, force: true });
	const built = [];
	for (const pkg of packages) {
		const { dir } = assemble(pkg);
		const packed = noPack ? undefined : pack(dir);
		built.push({ name: pkg.name, dir, ...packed });
		console.log(
			`${pkg.name.padEnd(32)} ${packed ? `${packed.files.length} files → ${path.relative(ROOT, packed.tarball)}` : path.relative(ROOT, dir)}`,
		);
	}
	fs.writeFileSync(path.join(OUT, 'built.json'), JSON.stringify(built, null, 2));
	return built;
}

module.exports = {
	closure,
	renameCredentials,
	exampleFor,
	packageJson,
	sharedMetadata,
	readmeFor,
	OUT,
	TARBALLS,
};

if (require.main === module) {
	try {
		main();
	} catch (error) {
		console.error(error.message);
		process.exit(1);
	}
}
