import { Global, Module } from '@nestjs/common';
import { AuditLog } from './audit-log.service';
import { AuditTrail } from './audit-trail.service';

/** Global: every administrative service records through the same `AuditLog`. */
@Global()
@Module({ providers: [AuditLog, AuditTrail], exports: [AuditLog, AuditTrail] })
export class AuditModule {}
