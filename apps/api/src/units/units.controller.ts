import { Body, Controller, Get, Param, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuditActor } from '@dvc/audit';
import { CalendarService } from '@dvc/calendar';
import type { OfficerPrincipal } from '@dvc/core';
import { AgenciesService, UnitsService } from '@dvc/units';
import { CurrentPrincipal, OfficerOnly, Public } from '../common/auth.decorators';
import { AuditedBy } from '../common/audited-by';
import { OfficeHoursDto, UnitDetailDto, UnitDto, UnitsQueryDto } from './units.dto';

@ApiTags('units')
@Controller()
export class UnitsController {
  constructor(
    private readonly units: UnitsService,
    private readonly calendars: CalendarService,
    private readonly agencies: AgenciesService,
  ) {}

  @Get('units')
  @Public()
  @ApiOkResponse({ type: [UnitDto] })
  list(@Query() query: UnitsQueryDto) {
    return this.units.list(query);
  }

  @Get('units/:code')
  @Public()
  @ApiOkResponse({ type: UnitDetailDto })
  get(@Param('code') code: string) {
    return this.units.get(code);
  }

  /** A unit's own office hours (its desks' sessions and cut-offs); due dates of its dossiers follow them. */
  @Put('admin/units/:code/office-hours')
  @OfficerOnly('admin', 'unit_admin')
  async setOfficeHours(@CurrentPrincipal() actor: OfficerPrincipal, @AuditedBy() by: AuditActor, @Param('code') code: string, @Body() body: OfficeHoursDto) {
    await this.agencies.assertUnitInReach(actor, code);
    await this.calendars.setOfficeHours(code, { sessions: body.sessions, sameDayCutoff: body.sameDayCutoff, cutoff: body.cutoff }, by);
    return this.units.get(code);
  }
}
