export * from './compute-fees';
export * from './fees-due';
