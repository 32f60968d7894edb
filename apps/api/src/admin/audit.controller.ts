import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AuditTrail } from '@dvc/audit';
import { DomainError, reportPeriodBound } from '@dvc/core';
import { OfficerOnly } from '../common/auth.decorators';
import { AuditPageDto, AuditQueryDto } from './audit.dto';

/**
 * The administration's audit log, for administrators and auditors, city-wide. Unit administrators do not read it:
 * a row's before/after can name officers and agencies of other units (a move between districts, a reorganisation),
 * so a per-unit view would leak or mislead.
 */
@ApiTags('admin')
@Controller('admin/audit')
@OfficerOnly('admin', 'auditor')
export class AuditController {
  constructor(private readonly trail: AuditTrail) {}

  @Get()
  @ApiOkResponse({ type: AuditPageDto, description: 'Newest first; pass nextCursor back as cursor for the next page (null: the last page)' })
  list(@Query() q: AuditQueryDto) {
    const from = q.from ? reportPeriodBound(q.from, 'from') : undefined;
    const to = q.to ? reportPeriodBound(q.to, 'to') : undefined;
    if (from && to && from >= to) throw DomainError.validation([{ field: 'to', message: 'must be after from' }]);
    return this.trail.list({ actor: q.actor, entity: q.entity, entityId: q.entityId, action: q.action, from, to, cursor: q.cursor, limit: q.limit ?? 50 });
  }
}
