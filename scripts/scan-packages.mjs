#!/usr/bin/env node
/**
 * Runs the offline part of n8n's scanner (`@n8n/scan-community-package`) over the five packages.
 * The scanner itself takes a published package name: it checks the registry's provenance record,
 * downloads the tarball and the attested source from GitHub, and lints both with its ESLint config.
 * Offline, this script runs that same lint (`analyzePackage`) on what we would publish:
 *   - the tarball leg: each built package's compiled `**\/*.js` and package.json (.tmp/packages/<name>);
 *   - the source leg: each package's sources, as `npm run lint:packages` lays them out
 *     (.tmp/packages-lint/<name>), with the scanner's SOURCE_FILE_PATTERNS.
 * The provenance check and the downloads need the registry and a release, so they run only on a
 * published version: `npx @n8n/scan-community-package <name>`.
 *
 *   SCANNER_DIR=<folder holding node_modules/@n8n/scan-community-package> node scripts/scan-packages.mjs
 * (the scanner is not a dev dependency: install it into a temporary folder).
 */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const scannerDir = process.env.SCANNER_DIR;
if (!scannerDir) {
	console.error(
		'Set SCANNER_DIR to a folder where `npm install @n8n/scan-community-package` was run.',
	);
	process.exit(2);
}
const scanner = await import(
	pathToFileURL(
		path.join(
			scannerDir,
			'node_modules',
			'@n8n',
			'scan-community-package',
			'scanner',
			'scanner.mjs',
		),
	).href
);
const built = JSON.parse(
	fs.readFileSync(path.join(ROOT, '.tmp', 'packages', 'built.json'), 'utf8'),
);
let failed = 0;
for (const { name, dir } of built) {
	const sourceDir = path.join(ROOT, '.tmp', 'packages-lint', name);
	const dist = await scanner.analyzePackage(dir, ['**/*.js', 'package.json']);
	const source = fs.existsSync(sourceDir)
		? await scanner.analyzePackage(sourceDir, scanner.SOURCE_FILE_PATTERNS)
		: { passed: false, message: 'run `npm run lint:packages` first (it lays out the sources)' };
	for (const [leg, result] of [
		['tarball', dist],
		['source', source],
	]) {
		if (!result.passed) {
			failed++;
			console.log(`${name} ${leg}: ${result.message}\n${result.details ?? ''}`);
		}
	}
	console.log(
		`${name.padEnd(32)} scanner lint: tarball ${dist.passed ? 'ok' : 'FAILED'}, source ${source.passed ? 'ok' : 'FAILED'}`,
	);
}
process.exit(failed ? 1 : 0);
