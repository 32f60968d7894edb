export * from './audit-entry';
export * from './audit-log.service';
export * from './audit.module';
export * from './audit-trail.service';
