#!/usr/bin/env node
/**
 * Refuses a publish that should not happen (exit 1 with the reason):
 *  - outside GitHub Actions: releases are published only by .github/workflows/publish.yml, which
 *    signs them with a provenance statement (npm publish --provenance, OIDC);
 *  - while packaging/metadata.json (the one place for repository, homepage, bugs and author) or any
 *    built package still holds a PLACEHOLDER value;
 *  - with `--root`: the repository root is the development tree, never published itself; the five
 *    packages are built by `npm run packages` and published from .tmp/packages/.
 *
 *   node scripts/publish-guard.js [--root] [--tag vX.Y.Z]
 * With --tag, the tag must name the version in packaging/metadata.json.
 */
const fs = require('node:fs');
const path = require('node:path');

const ROOT = path.resolve(__dirname, '..');
const MARKER = 'PLACEHOLDER';

function problems(argv = process.argv.slice(2), env = process.env) {
	const found = [];
	if (argv.includes('--root')) {
		found.push(
			'the repository root is not published: `npm run packages` builds the five packages, and .github/workflows/publish.yml publishes them',
		);
		return found;
	}
	if (env.GITHUB_ACTIONS !== 'true') {
		found.push(
			'publishing happens only in GitHub Actions (.github/workflows/publish.yml, with provenance), not by hand',
		);
	}
	const metadataFile = path.join(ROOT, 'packaging', 'metadata.json');
	const metadata = JSON.parse(fs.readFileSync(metadataFile, 'utf8'));
	const { '//': _comment, ...values } = metadata;
	if (JSON.stringify(values).includes(MARKER)) {
		found.push(
			`packaging/metadata.json still holds a ${MARKER} value (repository / author): fill it in first`,
		);
	}
	const tagIndex = argv.indexOf('--tag');
	if (tagIndex >= 0) {
		const tag = String(argv[tagIndex + 1] ?? '');
		if (tag.replace(/^v/, '') !== metadata.version) {
			found.push(
				`tag ${tag} does not match version ${metadata.version} in packaging/metadata.json`,
			);
		}
	}
	const built = path.join(ROOT, '.tmp', 'packages');
	if (fs.existsSync(built)) {
		for (const name of fs.readdirSync(built)) {
			for (const file of ['package.json', 'README.md']) {
				const full = path.join(built, name, file);
				if (fs.existsSync(full) && fs.readFileSync(full, 'utf8').includes(MARKER)) {
					found.push(
						`.tmp/packages/${name}/${file} holds a ${MARKER} value: fill packaging/metadata.json and rebuild`,
					);
				}
			}
		}
	}
	return found;
}

module.exports = { problems };

if (require.main === module) {
	const found = problems();
	if (found.length) {
		for (const p of found) console.error(`publish refused: ${p}`);
		process.exit(1);
	}
	console.log('publish guard: ok');
}
