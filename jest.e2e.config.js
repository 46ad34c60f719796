/** The browser test (npm run test:e2e): the production task pane in headless Chromium against the test host. */
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test/e2e'],
  testMatch: ['**/*.e2e.ts'],
  testTimeout: 60000,
  // Transpile only (tsconfig.e2e.json): the typecheck is `npm run typecheck`'s job, the browser test should start fast.
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.e2e.json' }] },
};
