import { IsBoolean, IsInt, Max, Min, Matches } from 'class-validator';
import { EnvVar } from './env-var';

export class DatabaseConfig {
  @EnvVar('DATABASE_URL')
  @Matches(/^postgres(ql)?:\/\/[^/]+\/[A-Za-z0-9_]+(\?.*)?$/, { message: 'must be a postgres:// URL with a database name' })
  url: string = 'postgres://postgres@127.0.0.1:5432/dvc';

  @EnvVar('DATABASE_POOL_SIZE')
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(200)
  poolSize: number = 20;

  /**
   * How long an unused pooled connection stays open. pg's default (10 s) closes the pool in any quiet spell, and the
   * next requests then wait for new connections (a fork and an authentication each on the server).
   */
  @EnvVar('DATABASE_POOL_IDLE_SECONDS')
  @IsInt({ message: 'must be a whole number' })
  @Min(1)
  @Max(86_400)
  poolIdleSeconds: number = 300;

  @EnvVar('DATABASE_LOG_QUERIES')
  @IsBoolean()
  logQueries: boolean = false;

  /** Run pending migrations when an app boots (npm start does it once before starting the apps). */
  @EnvVar('DATABASE_MIGRATE_ON_BOOT')
  @IsBoolean()
  migrateOnBoot: boolean = false;

  get databaseName(): string {
    return new URL(this.url).pathname.replace(/^\//, '');
  }

  /** The same server, the maintenance database: used to create ours when it is missing. */
  get maintenanceUrl(): string {
    const u = new URL(this.url);
    u.pathname = '/postgres';
    return u.toString();
  }
}
