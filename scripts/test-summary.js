// Reads each line's Jest results (.tmp/jest-results-<line>.json), prints a count per n8n line and one
// closing count over all lines, and exits non-zero if any test failed or any line produced no results.
const fs = require('fs');
const path = require('path');
const { lines: versions } = require('./n8n-lines.json');

const lines = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
let broken = false;
for (const line of lines) {
	const file = path.join(__dirname, '..', '.tmp', `jest-results-${line}.json`);
	if (!fs.existsSync(file)) {
		console.log(`n8n ${versions[line]} (line ${line}) - no results: Jest did not finish`);
		broken = true;
		continue;
	}
	const r = JSON.parse(fs.readFileSync(file, 'utf8'));
	const lineSkipped = r.numPendingTests + r.numTodoTests;
	// A suite that failed to load (numRuntimeErrorTestSuites) has no failed tests but is a failure.
	const suitesBroken = r.numRuntimeErrorTestSuites;
	passed += r.numPassedTests;
	failed += r.numFailedTests;
	skipped += lineSkipped;
	if (suitesBroken || !r.success) broken = true;
	console.log(
		`n8n ${versions[line]} (line ${line}) - ${r.numPassedTests} passed, ${r.numFailedTests} failed` +
			(lineSkipped ? `, ${lineSkipped} skipped` : '') +
			` in ${r.numTotalTestSuites} suites` +
			(suitesBroken ? ` (${suitesBroken} suites failed to run)` : ''),
	);
}
console.log(`tests: ${passed} passed, ${failed} failed` + (skipped ? `, ${skipped} skipped` : ''));
process.exit(broken || failed ? 1 : 0);
