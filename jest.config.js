/** Two projects: fast unit tests of the shared core and nodes, and workflows run in a real n8n. */
// Type checking is `npm run typecheck:test`; here ts-jest only transpiles.
const tsJest = ['ts-jest', { diagnostics: false, tsconfig: 'tsconfig.test.json' }];
module.exports = {
	// Real-n8n workflows take seconds each; a unit test that needs this long is broken anyway.
	testTimeout: 300_000,
	projects: [
		{
			displayName: 'unit',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/unit/**/*.test.ts'],
		},
		{
			displayName: 'e2e',
			testEnvironment: 'node',
			transform: { '^.+\\.ts$': tsJest },
			testMatch: ['<rootDir>/test/e2e/**/*.e2e.test.ts'],
		},
	],
};
