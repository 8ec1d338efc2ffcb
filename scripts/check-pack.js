// `npm pack --dry-run` must list dist/ plus package.json, README and LICENSE, and nothing else.
const { execSync } = require('child_process');
const out = JSON.parse(
	execSync('npm pack --dry-run --json --ignore-scripts', {
		encoding: 'utf8',
		stdio: ['ignore', 'pipe', 'ignore'],
	}),
);
const files = out[0].files.map((f) => f.path);
const allowed = (p) =>
	p.startsWith('dist/') || ['package.json', 'README.md', 'LICENSE'].includes(p);
const extra = files.filter((p) => !allowed(p));
const mustHave = ['package.json', 'README.md', 'LICENSE'].filter((p) => !files.includes(p));
const simulatorsShipped = files.filter((p) =>
	/(^|\/)(test|tools|bench)\/|simulator|harness/i.test(p),
);
if (
	extra.length ||
	mustHave.length ||
	simulatorsShipped.length ||
	!files.some((p) => p.startsWith('dist/nodes/'))
) {
	console.error('package contents wrong', { extra, mustHave, simulatorsShipped });
	process.exit(1);
}
console.log(`npm pack: ${files.length} files, all under dist/ or package.json/README.md/LICENSE`);
