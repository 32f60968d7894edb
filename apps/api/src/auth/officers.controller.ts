import { Controller, Get, Query } from '@nestjs/common';
import { ApiQuery, ApiTags } from '@nestjs/swagger';
import type { OfficerPrincipal } from '@dvc/core';
import { OfficerDirectoryService } from '@dvc/identity';
import { CurrentPrincipal, OfficerOnly } from '../common/auth.decorators';

@ApiTags('auth')
@Controller('officers')
@OfficerOnly()
export class OfficersController {
  constructor(private readonly directory: OfficerDirectoryService) {}

  /** Colleagues in the caller's own scope (whom a dossier can be assigned to): `?role=specialist`. */
  @Get()
  @ApiQuery({ name: 'role', required: false, enum: ['receiving_officer', 'specialist', 'leader', 'admin'] })
  colleagues(@CurrentPrincipal() officer: OfficerPrincipal, @Query('role') role?: string) {
    return this.directory.colleagues(officer, typeof role === 'string' ? role : undefined);
  }
}
