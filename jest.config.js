// Three tiers that run separately: `unit` (no database, no Java: `npm run test:unit`), `integration` (a real Neo4j)
// and `e2e` (the HTTP API and Neo4j Browser in Chromium, on a real Neo4j). `npm test` runs all three.
// Babel only strips types (tsc checks them in npm test); its packages are plain JavaScript, so npm ci needs no
// platform-specific binaries.
const transform = {
  '^.+\\.ts$': ['babel-jest', { presets: ['@babel/preset-typescript'], plugins: ['@babel/plugin-transform-modules-commonjs'] }],
};
const withDatabase = {
  transform,
  testEnvironment: 'node',
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
};

/** @type {import('jest').Config} */
module.exports = {
  projects: [
    { displayName: 'unit', transform, testEnvironment: 'node', testMatch: ['<rootDir>/tests/unit/**/*.test.ts'] },
    { displayName: 'integration', ...withDatabase, testMatch: ['<rootDir>/tests/integration/**/*.test.ts'] },
    { displayName: 'e2e', ...withDatabase, testMatch: ['<rootDir>/tests/e2e/**/*.test.ts'] },
  ],
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/tests/helpers/summary-reporter.js'],
  verbose: false,
};
