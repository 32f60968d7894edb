export * from './compute-fees';
