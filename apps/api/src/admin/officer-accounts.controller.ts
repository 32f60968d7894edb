import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { DomainError, isUuid, type OfficerPrincipal } from '@dvc/core';
import { OfficerAccountsService } from '@dvc/identity';
import type { AuditActor } from '@dvc/audit';
import { CurrentPrincipal, OfficerOnly } from '../common/auth.decorators';
import { AuditedBy } from '../common/audited-by';
import {
  OfficerAccountDto,
  OfficerCreateDto,
  OfficerCreatedDto,
  OfficerListQueryDto,
  OfficerUpdateDto,
  PasswordResetDoneDto,
  PasswordResetDto,
} from './officer-accounts.dto';

const officerId = (id: string) => {
  if (!isUuid(id)) throw DomainError.notFound('Officer');
  return id;
};

/** Officer accounts: administrators city-wide, unit administrators for their unit and the units below it. */
@ApiTags('admin')
@Controller('admin/officers')
@OfficerOnly('admin', 'unit_admin')
export class OfficerAccountsController {
  constructor(private readonly accounts: OfficerAccountsService) {}

  @Post()
  @ApiCreatedResponse({
    type: OfficerCreatedDto,
    description: '409 for a username taken, 403 for an agency or a role beyond the caller, 422 for a weak password',
  })
  create(@CurrentPrincipal() actor: OfficerPrincipal, @AuditedBy() by: AuditActor, @Body() body: OfficerCreateDto) {
    return this.accounts.create(actor, body, by);
  }

  @Get()
  @ApiOkResponse({ type: [OfficerAccountDto] })
  list(@CurrentPrincipal() actor: OfficerPrincipal, @Query() query: OfficerListQueryDto) {
    return this.accounts.list(actor, {
      agencyCode: query.agencyCode,
      q: query.q,
      active: query.active === undefined ? undefined : query.active === 'true',
      limit: query.limit ?? 50,
      offset: query.offset ?? 0,
    });
  }

  @Get(':id')
  @ApiOkResponse({ type: OfficerAccountDto })
  get(@CurrentPrincipal() actor: OfficerPrincipal, @Param('id') id: string) {
    return this.accounts.get(actor, officerId(id));
  }

  @Patch(':id')
  @ApiOkResponse({ type: OfficerAccountDto })
  update(@CurrentPrincipal() actor: OfficerPrincipal, @AuditedBy() by: AuditActor, @Param('id') id: string, @Body() body: OfficerUpdateDto) {
    return this.accounts.update(actor, officerId(id), body, by);
  }

  @Post(':id/password-reset')
  @HttpCode(200)
  @ApiOkResponse({ type: PasswordResetDoneDto })
  resetPassword(@CurrentPrincipal() actor: OfficerPrincipal, @AuditedBy() by: AuditActor, @Param('id') id: string, @Body() body: PasswordResetDto) {
    return this.accounts.resetPassword(actor, officerId(id), body, by);
  }
}
