/**
 * `npm test` runs both projects in one jest run, so that it ends in one summary line:
 *  - unit: engine, CLI, xlsx, add-in adapter against the in-memory Excel host, bounded fuzz, file safety;
 *  - e2e: the production task pane in headless Debian Chromium (needs `npm run build` first, as `npm test` does).
 * ts-jest only transpiles (isolatedModules): `npm run typecheck` checks the types once, before the tests.
 * @type {import('jest').Config}
 */
const transform = { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] };

module.exports = {
  // A generous bound for the browser test and the file-safety suite on a loaded machine: no test asserts a time.
  testTimeout: 60000,
  reporters: ['default', '<rootDir>/test/summary-reporter.js'],
  globalSetup: '<rootDir>/test/global-setup.js',
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '/test/e2e/'],
      transform,
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/e2e'],
      testMatch: ['**/*.e2e.ts'],
      transform,
    },
  ],
};
