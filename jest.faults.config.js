const { pathsToModuleNameMapper } = require('ts-jest');
const { compilerOptions } = require('./tsconfig.json');

/**
 * Fault drills (`npm run test:faults`): Redis and PostgreSQL stopped under load, the worker killed, a failing SMS
 * centre, forged IPNs, racing officers. One file at a time: each drill loads the two cores on its own.
 */
module.exports = {
  rootDir: __dirname,
  displayName: 'faults',
  moduleFileExtensions: ['js', 'json', 'ts'],
  transform: { '^.+\\.ts$': ['ts-jest', {}] },
  moduleNameMapper: pathsToModuleNameMapper(compilerOptions.paths, { prefix: '<rootDir>/' }),
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test-faults/**/*.fault-spec.ts'],
  globalSetup: '<rootDir>/test-faults/global-setup.ts',
  globalTeardown: '<rootDir>/test-faults/global-teardown.ts',
  setupFiles: ['<rootDir>/test/env.ts'],
  setupFilesAfterEnv: ['<rootDir>/test-faults/timeouts.ts'],
  maxWorkers: 1,
};
