export * from './national-procedure';
export * from './national-record-mapping';
export * from './national-processing-time';
export * from './national-fees';
export * from './import-file';
