export * from './test-env';
export * from './test-app';
export * from './sessions';
export * from './dossier-fixtures';
export * from './private-redis';
export * from './test-worker';
export * from './private-postgres';
export * from './worker-process';
