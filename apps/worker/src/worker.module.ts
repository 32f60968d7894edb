import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { LoggerModule } from 'nestjs-pino';
import { AppConfigModule, DatabaseConfig, LoadedConfig, RedisConfig, RuntimeConfig } from '@dvc/config';
import { buildDataSourceOptions } from '@dvc/database';

/** Queue processors attach here as capabilities land (outbox relay, SMS, deadlines, national portal). */
@Module({})
export class WorkerModule {
  static forRoot(config?: LoadedConfig) {
    return {
      module: WorkerModule,
      imports: [
        AppConfigModule.forRoot(config),
        LoggerModule.forRootAsync({ inject: [RuntimeConfig], useFactory: (r: RuntimeConfig) => ({ pinoHttp: { level: r.logLevel } }) }),
        TypeOrmModule.forRootAsync({ inject: [DatabaseConfig], useFactory: (db: DatabaseConfig) => ({ ...buildDataSourceOptions(db), autoLoadEntities: true }) }),
        BullModule.forRootAsync({
          inject: [RedisConfig],
          useFactory: (redis: RedisConfig) => ({ connection: { url: redis.url, maxRetriesPerRequest: null }, prefix: redis.prefix }),
        }),
      ],
    };
  }
}
