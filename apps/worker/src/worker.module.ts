import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AppConfigModule, DatabaseConfig, LoadedConfig, readableLogTransport, redactingLogOptions, RuntimeConfig } from '@dvc/config';
import { AuditModule } from '@dvc/audit';
import { buildDataSourceOptions } from '@dvc/database';
import { OutboxModule } from '@dvc/outbox';
import { SmsSendingModule } from '@dvc/sms';
import { PaymentsModule } from '@dvc/payments';
import { PaymentsProcessor } from './payments.processor';
import { NationalPortalModule } from '@dvc/national-portal';
import { NationalPortalProcessor } from './national-portal.processor';
import { CalendarModule } from '@dvc/calendar';
import { DeadlinesProcessor } from './deadlines.processor';
import { JobSchedules } from './job-schedules';
import { LostJobsRecovery } from './lost-jobs.recovery';
import { ReportingModule } from '@dvc/reporting';
import { ReportFactsProcessor } from './report-facts.processor';
import { OutboxRelayService } from './outbox-relay.service';
import { QueueConnections } from './queue-connections';
import { SmsProcessor } from './sms.processor';
import { OtpPurgeSchedule } from './otp-purge.schedule';
import { ReorganizationModule } from '@dvc/reorganization';
import { ReorganizationsProcessor } from './reorganizations.processor';

@Module({})
export class WorkerModule {
  static forRoot(config?: LoadedConfig) {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRootAsync({
          inject: [RuntimeConfig],
          useFactory: (r: RuntimeConfig) => ({ pinoHttp: { ...redactingLogOptions(r.logLevel), transport: readableLogTransport(r) } }),
        }),
        TypeOrmModule.forRootAsync({
          inject: [DatabaseConfig],
          useFactory: (db: DatabaseConfig) => ({ ...buildDataSourceOptions(db, [], 'app'), autoLoadEntities: true }),
        }),
        AuditModule,
        OutboxModule,
        SmsSendingModule,
        PaymentsModule,
        NationalPortalModule,
        CalendarModule,
        ReportingModule,
        ReorganizationModule,
      ],
      providers: [
        QueueConnections,
        JobSchedules,
        OutboxRelayService,
        SmsProcessor,
        PaymentsProcessor,
        NationalPortalProcessor,
        DeadlinesProcessor,
        ReportFactsProcessor,
        LostJobsRecovery,
        OtpPurgeSchedule,
        ReorganizationsProcessor,
      ],
    };
  }
}
