import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiPropertyOptional, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { reportPeriodBound, SERVICE_INDEX_CODES, type Principal, type ServiceIndexIndicatorCode } from '@dvc/core';
import { ProcessingReportService, ServiceIndexService, UsageReportService } from '@dvc/reporting';
import { CurrentPrincipal, OfficerOnly } from '../common/auth.decorators';
import { IsIsoDate, IsIsoInstant } from '../common/date-validators';

export class ReportQueryDto {
  @ApiPropertyOptional({ example: '01', description: 'Unit to report on (its children get a row each); default the city' })
  @IsOptional()
  @Matches(/^\d{2,5}$/, { message: 'must be a statistics-office unit code (2–5 digits)' })
  unitCode?: string;
  @ApiProperty({ example: '2026-11-01', description: 'An instant, or a bare date: that local day in Hà Nội (from its start)' }) @IsIsoInstant() from: string;
  @ApiProperty({ example: '2026-11-30', description: 'An instant (excluded), or a bare date: that local day in Hà Nội, included' }) @IsIsoInstant() to: string;
  @ApiPropertyOptional({ example: '2025-07-01', description: 'The administrative map to report on (default: the last day of the period)' })
  @IsOptional()
  @IsIsoDate()
  mapDate?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv'] }) @IsOptional() @IsIn(['json', 'csv'], { message: 'must be json or csv' }) format?: 'json' | 'csv';
}

export class ServiceIndexQueryDto {
  @ApiPropertyOptional({ example: '007', description: 'Unit to score (its children get a row each); default the city' })
  @IsOptional()
  @Matches(/^\d{2,5}$/, { message: 'must be a statistics-office unit code (2–5 digits)' })
  unitCode?: string;
  @ApiProperty({ example: '2026-11-01', description: 'An instant, or a bare date: that local day in Hà Nội (from its start)' }) @IsIsoInstant() from: string;
  @ApiProperty({ example: '2026-11-30', description: 'An instant (excluded), or a bare date: that local day in Hà Nội, included' }) @IsIsoInstant() to: string;
}

export class ServiceIndexDossiersQueryDto extends ServiceIndexQueryDto {
  @ApiProperty({ enum: SERVICE_INDEX_CODES, description: 'The indicator whose lost points to list' })
  @IsIn(SERVICE_INDEX_CODES, { message: `must be one of ${SERVICE_INDEX_CODES.join(', ')}` })
  indicator: ServiceIndexIndicatorCode;
}

@ApiTags('reports')
@Controller('reports')
@OfficerOnly('leader', 'admin')
export class ReportsController {
  constructor(
    private readonly processing: ProcessingReportService,
    private readonly usage: UsageReportService,
    private readonly serviceIndex: ServiceIndexService,
  ) {}

  /** Decision 766/QĐ-TTg's indicators that our records decide, per child unit and in total (libs/core service-index.ts). */
  @Get('service-index')
  serviceIndexReport(@CurrentPrincipal() principal: Principal, @Query() q: ServiceIndexQueryDto) {
    return this.serviceIndex.report(principal, q.unitCode ?? '01', reportPeriodBound(q.from, 'from'), reportPeriodBound(q.to, 'to'));
  }

  /** The dossiers that cost an indicator points: measured on it and not meeting it. */
  @Get('service-index/dossiers')
  serviceIndexDossiers(@CurrentPrincipal() principal: Principal, @Query() q: ServiceIndexDossiersQueryDto) {
    return this.serviceIndex.dossiers(principal, q.unitCode ?? '01', reportPeriodBound(q.from, 'from'), reportPeriodBound(q.to, 'to'), q.indicator);
  }

  @Get('processing')
  @ApiProduces('application/json', 'text/csv')
  async processingReport(@CurrentPrincipal() principal: Principal, @Query() q: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const report = await this.processing.report(principal, q.unitCode ?? '01', reportPeriodBound(q.from, 'from'), reportPeriodBound(q.to, 'to'), q.mapDate);
    if (q.format !== 'csv') return report;
    void reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="bao-cao-xu-ly-${report.unitCode}.csv"`);
    return this.processing.toCsv(report);
  }

  @Get('usage')
  @OfficerOnly('admin')
  @ApiProduces('application/json', 'text/csv')
  async usageReport(@Query() q: ReportQueryDto, @Res({ passthrough: true }) reply: FastifyReply) {
    const report = await this.usage.report(q.unitCode ?? '01', reportPeriodBound(q.from, 'from'), reportPeriodBound(q.to, 'to'));
    if (q.format !== 'csv') return report;
    void reply.header('Content-Type', 'text/csv; charset=utf-8').header('Content-Disposition', `attachment; filename="bao-cao-su-dung-${report.unitCode}.csv"`);
    return this.usage.toCsv(report);
  }
}
