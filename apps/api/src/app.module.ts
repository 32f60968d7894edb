import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import type { DestinationStream } from 'pino';
import { AuditModule } from '@dvc/audit';
import { CatalogModule } from '@dvc/catalog';
import { AppConfigModule, DatabaseConfig, HttpConfig, LoadedConfig, RuntimeConfig } from '@dvc/config';
import { buildDataSourceOptions, migrateAsOwner } from '@dvc/database';
import { FilesModule } from '@dvc/files';
import { IdentityModule } from '@dvc/identity';
import { RedisModule } from '@dvc/redis';
import { UnitsModule } from '@dvc/units';
import { CalendarModule } from '@dvc/calendar';
import { DossiersModule } from '@dvc/dossiers';
import { SmsModule } from '@dvc/sms';
import { PaymentsModule } from '@dvc/payments';
import { NationalPortalModule } from '@dvc/national-portal';
import { ReportingModule } from '@dvc/reporting';
import { ReorganizationModule } from '@dvc/reorganization';
import { SigningModule } from '@dvc/signing';
import { ReorganizationsController } from './operations/reorganizations.controller';
import { ReportsController } from './reports/reports.controller';
import { NationalPortalController } from './operations/national-portal.controller';
import { PaymentsController } from './payments/payments.controller';
import { SmsController } from './sms/sms.controller';
import { CalendarController } from './calendar/calendar.controller';
import { DossiersController } from './dossiers/dossiers.controller';
import { DossierResultsController } from './dossiers/dossier-results.controller';
import { TrackingController } from './tracking/tracking.controller';
import { VerificationController } from './verification/verification.controller';
import { TrackingCache } from './tracking/tracking-cache';
import { FixedWindowThrottlerStorage } from './common/fixed-window-throttler-storage';
import { signInTracker } from './common/sign-in-tracker';
import { AuthController } from './auth/auth.controller';
import { OfficersController } from './auth/officers.controller';
import { TotpController } from './auth/totp.controller';
import { VneidController } from './auth/vneid/vneid.controller';
import { OfficerAccountsController } from './admin/officer-accounts.controller';
import { AuditController } from './admin/audit.controller';
import { AgenciesController } from './admin/agencies.controller';
import { AuthGuard } from './common/auth.guard';
import { loggerParams } from './common/logging';
import { ProblemFilter } from './common/problem.filter';
import { FilesController } from './files/files.controller';
import { HealthModule } from './health/health.module';
import { ProceduresController } from './procedures/procedures.controller';
import { AdminProceduresController } from './procedures/admin-procedures.controller';
import { ProcedureDraftsController } from './procedures/procedure-drafts.controller';
import { UnitsController } from './units/units.controller';

@Module({})
export class AppModule {
  static forRoot(config?: LoadedConfig, options: { logStream?: DestinationStream } = {}) {
    return {
      module: AppModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRootAsync({ inject: [RuntimeConfig], useFactory: (runtime: RuntimeConfig) => loggerParams(runtime, options.logStream) }),
        TypeOrmModule.forRootAsync({
          inject: [DatabaseConfig],
          useFactory: async (db: DatabaseConfig) => {
            if (db.migrateOnBoot) await migrateAsOwner(db, buildDataSourceOptions(db));
            return { ...buildDataSourceOptions(db, [], 'app'), autoLoadEntities: true };
          },
        }),
        ThrottlerModule.forRootAsync({
          inject: [HttpConfig],
          useFactory: (http: HttpConfig) => ({
            throttlers: [
              { name: 'auth', ttl: 60_000, limit: http.authRateLimitPerMinute, getTracker: signInTracker },
              { name: 'authAddress', ttl: 60_000, limit: http.authAddressRateLimitPerMinute },
              { name: 'tracking', ttl: 60_000, limit: http.trackingRateLimitPerMinute },
            ],
            storage: new FixedWindowThrottlerStorage(),
            // The library hashes each key with SHA-256 on every request; an in-process map needs no hashing.
            generateKey: (context, tracker, throttler) => `${throttler}:${context.getClass().name}.${context.getHandler().name}:${tracker}`,
          }),
        }),
        AuditModule,
        RedisModule,
        HealthModule,
        UnitsModule,
        CatalogModule,
        IdentityModule,
        FilesModule,
        CalendarModule,
        DossiersModule,
        SmsModule,
        PaymentsModule,
        NationalPortalModule,
        ReportingModule,
        ReorganizationModule,
        SigningModule,
      ],
      controllers: [
        UnitsController,
        ProceduresController,
        AdminProceduresController,
        ProcedureDraftsController,
        AuthController,
        TotpController,
        VneidController,
        OfficersController,
        OfficerAccountsController,
        AgenciesController,
        AuditController,
        FilesController,
        DossiersController,
        DossierResultsController,
        CalendarController,
        TrackingController,
        SmsController,
        PaymentsController,
        NationalPortalController,
        ReportsController,
        ReorganizationsController,
        VerificationController,
      ],
      providers: [{ provide: APP_GUARD, useClass: AuthGuard }, { provide: APP_FILTER, useClass: ProblemFilter }, TrackingCache],
    };
  }
}
