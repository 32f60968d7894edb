export * from './compute-fees';
export * from './fees-due';
export * from './result-release';
export * from './fee-limits';
