import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CalendarService } from '@dvc/calendar';
import { procedureDetail, ProcedureDraftsService, type DraftView } from '@dvc/catalog';
import type { AuditActor } from '@dvc/audit';
import { VneidConfig } from '@dvc/config';
import { stepHours, toIsoWithOffset, type AssuranceLevel } from '@dvc/core';
import { OfficerOnly } from '../common/auth.decorators';
import { AuditedBy } from '../common/audited-by';
import { DraftSaveDto, DraftViewDto, PreviewQueryDto, PublishDto, PublishedDto } from './procedure-drafts.dto';

const hoursOf = (t: { workingDays?: number; workingHours?: number }) => t.workingHours ?? (t.workingDays ?? 0) * 8;
const shown = (d: DraftView) => ({
  ...d,
  updatedAt: d.updatedAt?.toISOString() ?? null,
  scheduled: d.scheduled && { version: d.scheduled.version, effectiveFrom: toIsoWithOffset(d.scheduled.effectiveFrom) },
});

/** The city catalogue: administrators only (a unit administrator manages accounts of a unit, not the catalogue). */
@ApiTags('admin')
@Controller('admin/procedures/:code')
@OfficerOnly('admin')
export class ProcedureDraftsController {
  constructor(
    private readonly drafts: ProcedureDraftsService,
    private readonly calendars: CalendarService,
    private readonly vneid: VneidConfig,
  ) {}

  @Get('draft')
  @ApiOkResponse({ type: DraftViewDto, description: "The open draft, or (open: false) the newest version's parts to open one from" })
  async get(@Param('code') code: string) {
    return shown(await this.drafts.get(code));
  }

  @Put('draft')
  @ApiOkResponse({
    type: DraftViewDto,
    description: 'Saved (omitted parts keep their value). 409: another revision is open; 422: a part is invalid, each fault at its field; nothing saved',
  })
  async save(@Param('code') code: string, @Body() body: DraftSaveDto, @AuditedBy() by: AuditActor) {
    return shown(await this.drafts.save(code, body as never, by));
  }

  @Delete('draft')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'The draft is discarded' })
  async discard(@Param('code') code: string, @AuditedBy() by: AuditActor) {
    await this.drafts.discard(code, by);
  }

  @Get('draft/preview')
  @ApiOkResponse({
    description:
      "{procedure: as the citizen would see it once published, deadline: {receivedAt, clockStartsAt, dueAt} for the sample receipt, steps: each step's working hours}",
  })
  async preview(@Param('code') code: string, @Query() q: PreviewQueryDto) {
    const { procedure, draft } = await this.drafts.draftProcedure(code);
    const calendar = await this.calendars.calendarFor(q.unitCode ?? null);
    const receivedAt = q.receivedAt ? new Date(q.receivedAt) : new Date();
    const { effectiveFrom: _pending, ...detail } = procedureDetail(procedure, this.vneid.level4Assurance as AssuranceLevel);
    return {
      revision: draft.revision,
      procedure: detail,
      deadline: {
        receivedAt: toIsoWithOffset(receivedAt),
        clockStartsAt: toIsoWithOffset(calendar.startOfClock(receivedAt, { sameDay: procedure.processingTime.sameDay })),
        dueAt: toIsoWithOffset(calendar.dueDate(receivedAt, procedure.processingTime)),
      },
      steps: stepHours(procedure.workflow, hoursOf(procedure.processingTime)).map((s, i) => ({ ...procedure.workflow[i], workingHours: s.hours })),
    };
  }

  @Post('publish')
  @HttpCode(200)
  @ApiOkResponse({
    type: PublishedDto,
    description:
      'The draft is the next version from 00:00 of effectiveFrom in Hà Nội (from now when today). 422: a past date or one before a version already waiting; 409: the procedure changed since the draft was opened; 404: no open draft',
  })
  async publish(@Param('code') code: string, @Body() body: PublishDto, @AuditedBy() by: AuditActor): Promise<PublishedDto> {
    const published = await this.drafts.publish(code, body.effectiveFrom, body.revision, by);
    return { ...published, effectiveFrom: toIsoWithOffset(published.effectiveFrom) };
  }
}
