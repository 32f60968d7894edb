import { Controller, Get, Query, Res } from '@nestjs/common';
import { ApiProduces, ApiPropertyOptional, ApiProperty, ApiTags } from '@nestjs/swagger';
import { IsIn, IsOptional, Matches } from 'class-validator';
import type { FastifyReply } from 'fastify';
import { reportPeriodBound, type Principal } from '@dvc/core';
import { ProcessingReportService, UsageReportService } from '@dvc/reporting';
import { CurrentPrincipal, OfficerOnly } from '../common/auth.decorators';
import { IsIsoDate, IsIsoInstant } from '../common/date-validators';

export class ReportQueryDto {
  @ApiPropertyOptional({ example: '01', description: 'Unit to report on (its children get a row each); default the city' })
  @IsOptional() @Matches(/^\d{2,5}$/, { message: 'must be a statistics-office unit code (2–5 digits)' }) unitCode?: string;
  @ApiProperty({ example: '2026-11-01', description: 'An instant, or a bare date: that local day in Hà Nội (from its start)' }) @IsIsoInstant() from: string;
  @ApiProperty({ example: '2026-11-30', description: 'An instant (excluded), or a bare date: that local day in Hà Nội, included' }) @IsIsoInstant() to: string;
  @ApiPropertyOptional({ example: '2025-07-01', description: 'The administrative map to report on (default: the last day of the period)' })
  @IsOptional() @IsIsoDate() mapDate?: string;
  @ApiPropertyOptional({ enum: ['json', 'csv'] }) @IsOptional() @IsIn(['json', 'csv'], { message: 'must be json or csv' }) format?: 'json' | 'csv';
}

@ApiTags('reports')
@Controller('reports')
@OfficerOnly('leader', 'admin')
export class ReportsController {
  constructor(
    private readonly processing: ProcessingReportService,
    private readonly usage: UsageReportService,
  ) {}

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
