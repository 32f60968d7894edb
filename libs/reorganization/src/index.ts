export * from './merges-csv';
export * from './reorganization.service';
export * from './reorganization.module';
