import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiProperty, ApiTags } from '@nestjs/swagger';
import { DomainError } from '@dvc/core';
import { PortalSyncService } from '@dvc/national-portal';
import { OfficerOnly } from '../common/auth.decorators';
import { IsIsoInstant } from '../common/date-validators';

export class RepushDto {
  @ApiProperty({ example: '2026-11-01T00:00:00+07:00' }) @IsIsoInstant() from: string;
  @ApiProperty({ example: '2026-12-01T00:00:00+07:00' }) @IsIsoInstant() to: string;
}

@ApiTags('national-portal')
@Controller('admin/national-portal')
@OfficerOnly('admin')
export class NationalPortalController {
  constructor(private readonly sync: PortalSyncService) {}

  /** Where a dossier stands with the national portal: pushes, failures, last error. */
  @Get('sync/:code')
  state(@Param('code') code: string) {
    return this.sync.state(code);
  }

  /** Queues a fresh push of every dossier changed in [from, to). */
  @Post('repush')
  @HttpCode(202)
  async repush(@Body() body: RepushDto) {
    const from = new Date(body.from);
    const to = new Date(body.to);
    if (!(from < to)) throw DomainError.validation([{ field: 'to', message: 'must be after from' }]);
    return { queued: await this.sync.repush(from, to) };
  }
}
