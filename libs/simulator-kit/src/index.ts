export * from './prng';
export * from './port-from-env';
export * from './read-body';
export * from './run-simulator';
export * from './server-lifecycle';
