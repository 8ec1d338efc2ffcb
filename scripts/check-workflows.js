#!/usr/bin/env node
/**
 * Local check of .github/workflows/*.yml: each file parses as YAML (strictly: duplicate keys and
 * tabs are errors) and has what GitHub Actions needs (name, on, jobs with runs-on and steps, every
 * step either `uses` or `run`); plus what this project's release needs: CI installs, lints, builds
 * and tests; publish runs on version tags with `id-token: write`, runs the guard, and publishes every
 * package with `--provenance`. No URL (and so no registry host) is written in them.
 */
const fs = require('node:fs');
const path = require('node:path');
const YAML = require('yaml');

const DIR = path.resolve(__dirname, '..', '.github', 'workflows');

function checkWorkflow(file, text) {
	const errors = [];
	const doc = YAML.parseDocument(text, { uniqueKeys: true, strict: true, prettyErrors: true });
	for (const e of doc.errors) errors.push(`${file}: ${e.message}`);
	if (doc.errors.length) return { errors, workflow: undefined };
	const wf = doc.toJS();
	if (typeof wf?.name !== 'string') errors.push(`${file}: no name`);
	if (!wf?.on) errors.push(`${file}: no "on" trigger`);
	if (!wf?.jobs || typeof wf.jobs !== 'object') errors.push(`${file}: no jobs`);
	for (const [id, job] of Object.entries(wf?.jobs ?? {})) {
		if (!job['runs-on']) errors.push(`${file}: job ${id} has no runs-on`);
		if (!Array.isArray(job.steps) || job.steps.length === 0)
			errors.push(`${file}: job ${id} has no steps`);
		for (const [i, step] of (job.steps ?? []).entries()) {
			if (!!step.uses === !!step.run)
				errors.push(`${file}: job ${id} step ${i + 1} needs exactly one of uses / run`);
		}
	}
	// Registry and other hosts stay out of the workflow files (setup-node and npm know their own).
	if (/https?:\/\//i.test(text)) errors.push(`${file}: holds a URL`);
	return { errors, workflow: wf };
}

function runs(wf) {
	return Object.values(wf?.jobs ?? {})
		.flatMap((job) => job.steps ?? [])
		.map((step) => step.run ?? '')
		.join('\n');
}

function checkProject(workflows) {
	const errors = [];
	const ci = workflows['ci.yml'];
	const publish = workflows['publish.yml'];
	if (!ci) errors.push('ci.yml is missing');
	if (!publish) errors.push('publish.yml is missing');
	if (ci) {
		const r = runs(ci);
		for (const [what, re] of [
			['install (npm ci)', /npm ci/],
			['lint', /npm run lint/],
			['build', /npm run build/],
			['test', /npm test/],
		]) {
			if (!re.test(r)) errors.push(`ci.yml does not ${what}`);
		}
	}
	if (publish) {
		const tags = publish.on?.push?.tags ?? [];
		if (!tags.length) errors.push('publish.yml is not triggered by version tags');
		if (publish.permissions?.['id-token'] !== 'write')
			errors.push('publish.yml lacks permissions id-token: write');
		const r = runs(publish);
		if (!/npm publish[^\n]*--provenance/.test(r))
			errors.push('publish.yml does not npm publish --provenance');
		if (!/publish-guard\.js/.test(r))
			errors.push('publish.yml does not run scripts/publish-guard.js');
		if (!/npm run packages/.test(r)) errors.push('publish.yml does not build the packages');
	}
	return errors;
}

function main() {
	const workflows = {};
	const errors = [];
	for (const file of fs.readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f))) {
		const result = checkWorkflow(file, fs.readFileSync(path.join(DIR, file), 'utf8'));
		errors.push(...result.errors);
		workflows[file] = result.workflow;
	}
	errors.push(...checkProject(workflows));
	if (errors.length) {
		for (const e of errors) console.error(e);
		process.exit(1);
	}
	console.log(`workflows: ${Object.keys(workflows).join(', ')} ok`);
}

module.exports = { checkWorkflow, checkProject };

if (require.main === module) main();
