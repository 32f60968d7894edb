// Browser journeys (playwright-core + Debian's chromium) against the built system: `npm run build && npm run test:web`.
const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

module.exports = {
  rootDir: __dirname,
  displayName: 'web',
  testMatch: ['<rootDir>/test-web/**/*.web-spec.ts'],
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': ['ts-jest', {}] },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
  globalSetup: '<rootDir>/test-web/global-setup.ts',
  globalTeardown: '<rootDir>/test-web/global-teardown.ts',
  testTimeout: 120_000,
  maxWorkers: 1,
};
