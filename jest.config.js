/** Two projects: fast unit tests of the shared core and nodes, and workflows run in a real n8n. */
// Type checking is `npm run typecheck:test`; here ts-jest only transpiles.
const os = require('os');
const path = require('path');
const { default: defaultLine, lines } = require('./scripts/n8n-lines.json');

// With N8N_LINE (or N8N_VERSION) set, as `npm test` does per line, the unit tests run against the
// n8n-workflow that this n8n line ships (errors, helpers and types differ between lines), taken from
// its installed copy; without it, against the dev copy in node_modules.
const version =
	process.env.N8N_VERSION ||
	(process.env.N8N_LINE ? lines[process.env.N8N_LINE || defaultLine] : undefined);
const cache =
	process.env.N8N_ENGAGEMENT_CACHE || path.join(os.homedir(), '.cache', 'n8n-engagement');
const moduleNameMapper = version
	? { '^n8n-workflow$': path.join(cache, `n8n-${version}`, 'node_modules', 'n8n-workflow') }
	: {};

const common = {
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false, tsconfig: 'tsconfig.test.json' }] },
	// Build output is not a test source.
	modulePathIgnorePatterns: ['<rootDir>/.tmp/', '<rootDir>/dist/'],
	moduleNameMapper,
};
module.exports = {
	// Real-n8n workflows take seconds each; a unit test that needs this long is broken anyway.
	testTimeout: 300_000,
	projects: [
		{ ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
		{ ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'] },
		// n8n in queue mode (PostgreSQL, Redis, workers, webhook processors): `npm run test:queue`.
		{ ...common, displayName: 'queue', testMatch: ['<rootDir>/test/queue/**/*.queue.test.ts'] },
	],
};
