/** Two projects: fast unit tests of the shared core and nodes, and workflows run in a real n8n. */
// Type checking is `npm run typecheck:test`; here ts-jest only transpiles.
const common = {
	testEnvironment: 'node',
	transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false, tsconfig: 'tsconfig.test.json' }] },
	// n8n homes of e2e runs and the build output are not test sources.
	modulePathIgnorePatterns: ['<rootDir>/.tmp/', '<rootDir>/dist/'],
};
module.exports = {
	// Real-n8n workflows take seconds each; a unit test that needs this long is broken anyway.
	testTimeout: 300_000,
	projects: [
		{ ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
		{ ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'] },
	],
};
