export * from './csv';
export * from './processing-report.service';
export * from './usage-report.service';
export * from './reporting.module';
