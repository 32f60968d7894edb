export * from './merges-csv';
export * from './reorganization-run';
export * from './reorganization.service';
export * from './reorganization.module';
export * from './due-plans-at-start';
