import { Module } from '@nestjs/common';
import { CalendarModule } from '@dvc/calendar';
import { ProcessingReportService } from './processing-report.service';
import { ReportFactsService } from './report-facts.service';
import { ServiceIndexService } from './service-index.service';
import { UsageReportService } from './usage-report.service';

/** Read models over the operational tables: statistics for the operations centre and the rental's usage. */
@Module({
  imports: [CalendarModule],
  providers: [ProcessingReportService, UsageReportService, ReportFactsService, ServiceIndexService],
  exports: [ProcessingReportService, UsageReportService, ReportFactsService, ServiceIndexService],
})
export class ReportingModule {}
