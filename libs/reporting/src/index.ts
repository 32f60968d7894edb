export * from './csv';
export * from './processing-report.service';
export * from './usage-report.service';
export * from './reporting.module';
export * from './report-facts.entity';
export * from './report-facts.service';
export * from './service-index.service';
