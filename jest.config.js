// One run covers unit, integration (real Neo4j) and end-to-end (HTTP, Neo4j Browser in Chromium) tests.
/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/tests'],
  testMatch: ['**/*.test.ts'],
  // Babel only strips types (tsc checks them in npm test); its packages are plain JavaScript, so npm ci needs no
  // platform-specific binaries.
  transform: {
    '^.+\\.ts$': ['babel-jest', { presets: ['@babel/preset-typescript'], plugins: ['@babel/plugin-transform-modules-commonjs'] }],
  },
  globalSetup: '<rootDir>/tests/helpers/global-setup.ts',
  globalTeardown: '<rootDir>/tests/helpers/global-teardown.ts',
  testTimeout: 60_000,
  reporters: ['default', '<rootDir>/tests/helpers/summary-reporter.js'],
  verbose: false,
};
