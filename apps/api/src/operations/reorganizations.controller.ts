import { Body, Controller, Post } from '@nestjs/common';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsBoolean, IsObject, IsOptional, IsString, MaxLength } from 'class-validator';
import type { AuditActor } from '@dvc/audit';
import { DataConfig } from '@dvc/config';
import { DomainError } from '@dvc/core';
import { readMergesCsv, ReorganizationService } from '@dvc/reorganization';
import { OfficerOnly } from '../common/auth.decorators';
import { AuditedBy } from '../common/audited-by';
import { IsIsoDate } from '../common/date-validators';

export const MERGES_FILE = 'hanoi-2025-merges.csv';

export class ReorganizationDto {
  @ApiProperty({ example: 'Hà Nội 2025 — chính quyền hai cấp' }) @IsString() @MaxLength(100) name: string;
  @ApiProperty({ example: '2025-07-01' }) @IsIsoDate() effectiveDate: string;
  @ApiProperty({ description: 'Report what would change without changing anything' }) @IsBoolean() dryRun: boolean;
  @ApiPropertyOptional({ description: 'Old commune code → new unit code for split communes', example: { '00079': '00082' } })
  @IsOptional() @IsObject() overrides?: Record<string, string>;
}

@ApiTags('reorganizations')
@Controller('admin/reorganizations')
@OfficerOnly('admin')
export class ReorganizationsController {
  constructor(
    private readonly reorganizations: ReorganizationService,
    private readonly data: DataConfig,
  ) {}

  /** Applies (or, with dryRun, reports) the merges file in the data folder from the effective date. */
  @Post()
  apply(@Body() body: ReorganizationDto, @AuditedBy() by: AuditActor) {
    const file = join(resolve(this.data.unitsDataDir), MERGES_FILE);
    if (!existsSync(file)) throw DomainError.validation([{ field: 'source', message: `${MERGES_FILE} is not in the data folder (UNITS_DATA_DIR)` }]);
    return this.reorganizations.apply({ name: body.name, effectiveDate: body.effectiveDate, merges: readMergesCsv(file), overrides: body.overrides, dryRun: body.dryRun, appliedBy: by.username, by });
  }
}
