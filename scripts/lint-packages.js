#!/usr/bin/env node
/**
 * `npm run lint:packages`: lints each of the five packages on its own, as n8n's tooling sees a
 * package made with `@n8n/node-cli`. For each package (after `npm run packages`), a folder
 * .tmp/packages-lint/<name>/ gets that package's generated package.json, n8n's default
 * eslint.config.mjs (unchanged, so the `strict` check passes) and the TypeScript sources of exactly
 * the files the package ships (its nodes, credentials, the shared core, icons); then `n8n-node lint`
 * runs there. Rules that look across files (credentials referenced by a node must be in the same
 * package, every node and credential registered in package.json, icons present) are thus checked
 * per package. It also checks every node's execute() for a visible `this.continueOnFail()`.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const OUT = path.join(ROOT, '.tmp', 'packages');
const LINT = path.join(ROOT, '.tmp', 'packages-lint');
const TEMPLATE = path.join(
	ROOT,
	'node_modules',
	'@n8n',
	'node-cli',
	'dist',
	'template',
	'templates',
	'shared',
	'default',
	'eslint.config.mjs',
);

/** The TypeScript source of a shipped file, or undefined when it is not compiled code. */
function sourceOf(rel) {
	if (rel.startsWith('dist/icons/')) return rel.replace(/^dist\//, '');
	if (rel.endsWith('.node.json')) return rel.replace(/^dist\//, '');
	if (rel.endsWith('.js')) return rel.replace(/^dist\//, '').replace(/\.js$/, '.ts');
	return undefined;
}

function workspace(pkgDir) {
	const name = path.basename(pkgDir);
	const dir = path.join(LINT, name);
	fs.rmSync(dir, { recursive: true, force: true });
	fs.mkdirSync(dir, { recursive: true });
	const shipped = [];
	(function walk(d) {
		for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
			const full = path.join(d, entry.name);
			if (entry.isDirectory()) walk(full);
			else shipped.push(path.relative(pkgDir, full));
		}
	})(path.join(pkgDir, 'dist'));
	for (const rel of shipped) {
		const source = sourceOf(rel);
		if (!source) continue;
		fs.mkdirSync(path.dirname(path.join(dir, source)), { recursive: true });
		fs.copyFileSync(path.join(ROOT, source), path.join(dir, source));
	}
	fs.copyFileSync(path.join(pkgDir, 'package.json'), path.join(dir, 'package.json'));
	fs.copyFileSync(TEMPLATE, path.join(dir, 'eslint.config.mjs'));
	fs.copyFileSync(path.join(ROOT, 'tsconfig.json'), path.join(dir, 'tsconfig.json'));
	fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
	return dir;
}

/** Node classes whose execute() does not call this.continueOnFail() (the coming `require-continue-on-fail` rule). */
function missingContinueOnFail(dir) {
	const ts = require('typescript');
	const problems = [];
	const nodesDir = path.join(dir, 'nodes');
	for (const folder of fs.readdirSync(nodesDir)) {
		for (const file of fs
			.readdirSync(path.join(nodesDir, folder))
			.filter((f) => f.endsWith('.node.ts'))) {
			const full = path.join(nodesDir, folder, file);
			const sf = ts.createSourceFile(
				full,
				fs.readFileSync(full, 'utf8'),
				ts.ScriptTarget.Latest,
				true,
			);
			const visit = (node) => {
				if (ts.isMethodDeclaration(node) && node.name.getText(sf) === 'execute' && node.body) {
					let found = false;
					const look = (n) => {
						if (
							ts.isCallExpression(n) &&
							ts.isPropertyAccessExpression(n.expression) &&
							n.expression.expression.kind === ts.SyntaxKind.ThisKeyword &&
							n.expression.name.text === 'continueOnFail'
						) {
							found = true;
						}
						if (!found) ts.forEachChild(n, look);
					};
					look(node.body);
					if (!found)
						problems.push(
							`${path.relative(dir, full)}: execute() does not check this.continueOnFail()`,
						);
				}
				ts.forEachChild(node, visit);
			};
			visit(sf);
		}
	}
	return problems;
}

function main() {
	const built = JSON.parse(fs.readFileSync(path.join(OUT, 'built.json'), 'utf8'));
	let failed = 0;
	for (const { name, dir: pkgDir } of built) {
		const dir = workspace(pkgDir);
		const problems = missingContinueOnFail(dir);
		const lint = spawnSync(path.join(ROOT, 'node_modules', '.bin', 'n8n-node'), ['lint'], {
			cwd: dir,
			encoding: 'utf8',
			env: { ...process.env, FORCE_COLOR: '0', CI: 'true' },
		});
		const ok = lint.status === 0 && problems.length === 0;
		if (!ok) {
			failed++;
			process.stdout.write(lint.stdout + lint.stderr);
			for (const p of problems) console.log(p);
		}
		console.log(
			`${name.padEnd(32)} n8n-node lint ${lint.status === 0 ? 'ok' : 'FAILED'}, continueOnFail ${problems.length ? 'MISSING' : 'ok'}`,
		);
	}
	if (failed) process.exit(1);
}

module.exports = { missingContinueOnFail };

if (require.main === module) main();
