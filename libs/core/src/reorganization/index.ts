export * from './merge-plan';
export * from './schedule';
export * from './successors';
export * from './officer-mapping';
