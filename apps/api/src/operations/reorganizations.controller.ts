import { Body, Controller, Get, Post, Query } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ApiProperty, ApiPropertyOptional, ApiQuery, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import { DataConfig } from '@dvc/config';
import type { AuditActor } from '@dvc/audit';
import { DomainError } from '@dvc/core';
import { readMergesCsv, ReorganizationService } from '@dvc/reorganization';
import { OfficerOnly } from '../common/auth.decorators';
import { AuditedBy } from '../common/audited-by';
import { IsIsoDate } from '../common/date-validators';

export const MERGES_FILE = 'hanoi-2025-merges.csv';

export class ReorganizationDto {
  @ApiProperty({ example: 'Hà Nội 2025 — chính quyền hai cấp' }) @IsString() @MaxLength(100) name: string;
  @ApiProperty({ example: '2025-07-01', description: 'First day of the new map; it takes effect at 00:00 (Asia/Ho_Chi_Minh) of this day' })
  @IsIsoDate()
  effectiveDate: string;
  @ApiProperty({ description: 'Report what would change (units, agencies, officers, open dossiers) without changing anything' }) @IsBoolean() dryRun: boolean;
  @ApiPropertyOptional({ description: 'Old commune code → new unit code for split communes', example: { '00079': '00082' } })
  @IsOptional()
  @IsObject()
  overrides?: Record<string, string>;
  @ApiPropertyOptional({
    description:
      'Officers of the closing agencies: per old unit (commune or district) `move` (their account goes to the successor agency) or `grant` (a second account there, the old one kept for the history); `default` for the rest (move)',
    example: { default: 'move', units: { '00079': 'grant' } },
  })
  @IsOptional()
  @IsObject()
  officers?: { default?: 'move' | 'grant'; units?: Record<string, 'move' | 'grant'> };
}

@ApiTags('reorganizations')
@Controller('admin/reorganizations')
@OfficerOnly('admin')
export class ReorganizationsController {
  constructor(
    private readonly reorganizations: ReorganizationService,
    private readonly data: DataConfig,
  ) {}

  /**
   * Requests the merges file in the data folder from the effective date: scheduled, and applied at once when that
   * date has come (`status`); with dryRun (or `?dryRun=true`) only reports what would change.
   */
  @Post()
  @ApiQuery({ name: 'dryRun', required: false, enum: ['true', 'false'] })
  request(@Body() body: ReorganizationDto, @AuditedBy() by: AuditActor, @Query('dryRun') dryRunQuery?: string) {
    const file = join(resolve(this.data.unitsDataDir), MERGES_FILE);
    if (!existsSync(file)) throw DomainError.validation([{ field: 'source', message: `${MERGES_FILE} is not in the data folder (UNITS_DATA_DIR)` }]);
    return this.reorganizations.request({
      name: body.name,
      effectiveDate: body.effectiveDate,
      merges: readMergesCsv(file),
      overrides: body.overrides,
      officers: body.officers,
      dryRun: body.dryRun || dryRunQuery === 'true',
      requestedBy: by.username,
      by,
    });
  }

  /** Every reorganisation requested: scheduled ones with the instant they take effect, applied ones with what changed. */
  @Get()
  list() {
    return this.reorganizations.list();
  }
}
