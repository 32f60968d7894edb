import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { AuditActor } from '@dvc/audit';
import { DomainError, type OfficerPrincipal } from '@dvc/core';
import { DossierQueriesService } from '@dvc/dossiers';
import { AgenciesService } from '@dvc/units';
import { CurrentPrincipal, OfficerOnly } from '../common/auth.decorators';
import { AuditedBy } from '../common/audited-by';
import { AdminAgencyDetailDto, AdminAgencyDto, AgencyCreateDto, AgencyListQueryDto, AgencyUpdateDto } from './agencies.dto';

/** Path values that cannot be an identifier are unknown agencies (404), never a lookup. */
const agencyCode = (code: string) => {
  if (code.length > 40) throw DomainError.notFound(`Agency`);
  return code;
};

/** Agencies and their desks: administrators city-wide, unit administrators for their unit and the units below it. */
@ApiTags('admin')
@Controller('admin/agencies')
@OfficerOnly('admin', 'unit_admin')
export class AgenciesController {
  constructor(
    private readonly agencies: AgenciesService,
    private readonly dossiers: DossierQueriesService,
  ) {}

  @Get()
  @ApiOkResponse({ type: [AdminAgencyDto] })
  list(@CurrentPrincipal() actor: OfficerPrincipal, @Query() query: AgencyListQueryDto) {
    return this.agencies.list(actor, { unitCode: query.unitCode, includeClosed: query.includeClosed === 'true' });
  }

  @Get(':code')
  @ApiOkResponse({ type: AdminAgencyDetailDto })
  async get(@CurrentPrincipal() actor: OfficerPrincipal, @Param('code') code: string) {
    return this.withOpenDossiers(await this.agencies.get(actor, agencyCode(code)));
  }

  @Post()
  @ApiCreatedResponse({
    type: AdminAgencyDetailDto,
    description: "409 for an identifier taken, 404 for a unit outside the caller's reach, 422 naming the field for anything else",
  })
  async create(@CurrentPrincipal() actor: OfficerPrincipal, @AuditedBy() by: AuditActor, @Body() body: AgencyCreateDto) {
    return this.withOpenDossiers(await this.agencies.create(actor, body, by));
  }

  @Patch(':code')
  @ApiOkResponse({ type: AdminAgencyDetailDto, description: "404 for an agency outside the caller's reach, 409 for a closure that has begun" })
  async update(@CurrentPrincipal() actor: OfficerPrincipal, @AuditedBy() by: AuditActor, @Param('code') code: string, @Body() body: AgencyUpdateDto) {
    return this.withOpenDossiers(await this.agencies.update(actor, agencyCode(code), body, by));
  }

  private async withOpenDossiers<T extends { code: string }>(agency: T): Promise<T & { openDossiers: number }> {
    return { ...agency, openDossiers: await this.dossiers.openCountAt(agency.code) };
  }
}
