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

  /**
   * The role the API and the worker connect as, on DATABASE_URL's server and database. It owns nothing: `db:prepare`
   * (run as DATABASE_URL's user, the owner of the schema) creates it and grants it rows, never tables, so the
   * application cannot drop or disable the append-only triggers of the audit log and the histories.
   */
  @EnvVar('DATABASE_APP_ROLE')
  @Matches(/^[a-z_][a-z0-9_]{0,62}$/, { message: 'must be a PostgreSQL role name (lower case, digits, _)' })
  appRole: string = 'dvc_app';

  /** The application role's password; `db:prepare` sets it. Empty: none (trust or peer authentication). */
  @EnvVar('DATABASE_APP_PASSWORD')
  appPassword: string = '';

  /** Where the API and the worker connect: DATABASE_URL with the application role as the user. */
  get appUrl(): string {
    const u = new URL(this.url);
    u.username = this.appRole;
    u.password = this.appPassword ? encodeURIComponent(this.appPassword) : '';
    return u.toString();
  }

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
