import { DataSource, type DataSourceOptions } from 'typeorm';
import type { DatabaseConfig } from '@dvc/config';

/** Tables the application appends to and reads, never changes: the trigger refuses the rest anyway. */
export const APPEND_ONLY_TABLES = ['audit_log'] as const;

const DUPLICATE_OBJECT = '42710';
const UNIQUE_VIOLATION = '23505';

const ident = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Creates the application role when missing and grants it rows, never tables: SELECT/INSERT/UPDATE/DELETE on every
 * table, USAGE on sequences, only SELECT/INSERT on the append-only tables, SELECT on the migrations table — also by
 * default for the tables later migrations create. Idempotent, safe to run from several processes at once (the
 * role is cluster-wide, the grants per database). `db` must be connected as the schema's owner.
 */
export async function grantAppRole(db: DataSource, config: DatabaseConfig): Promise<void> {
  const role = config.appRole;
  const [me] = await db.query(`SELECT current_user AS name`);
  if (me.name === role)
    throw new Error(`DATABASE_APP_ROLE (${role}) is DATABASE_URL's user, the owner of the schema; the application must connect as a role that owns nothing`);
  const existing: { rolsuper: boolean }[] = await db.query(`SELECT rolsuper FROM pg_roles WHERE rolname = $1`, [role]);
  if (existing.length === 0) {
    try {
      await db.query(`CREATE ROLE ${ident(role)} LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT`);
    } catch (error) {
      const code = (error as { driverError?: { code?: string }; code?: string }).driverError?.code ?? (error as { code?: string }).code;
      if (code !== DUPLICATE_OBJECT && code !== UNIQUE_VIOLATION) throw error;
    }
  } else if (existing[0].rolsuper) {
    throw new Error(`DATABASE_APP_ROLE ${role} is a superuser; the application must connect as a role that owns nothing`);
  }
  if (config.appPassword) {
    const [{ sql }] = await db.query(`SELECT format('ALTER ROLE %I LOGIN PASSWORD %L', $1::text, $2::text) AS sql`, [role, config.appPassword]);
    await db.query(sql);
  }
  const app = ident(role);
  const statements = [
    `GRANT CONNECT, TEMPORARY ON DATABASE ${ident(config.databaseName)} TO ${app}`,
    `GRANT USAGE ON SCHEMA public TO ${app}`,
    `REVOKE CREATE ON SCHEMA public FROM PUBLIC`,
    `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
    `GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO ${app}`,
    `ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE ON SEQUENCES TO ${app}`,
    ...APPEND_ONLY_TABLES.map((table) => `REVOKE UPDATE, DELETE, TRUNCATE ON ${ident(table)} FROM ${app}`),
    `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON "schema_migrations" FROM ${app}`,
  ];
  for (const statement of statements) await db.query(statement);
}

/** DATABASE_MIGRATE_ON_BOOT: the pending migrations and the grants, as the owner, before an app connects as itself. */
export async function migrateAsOwner(config: DatabaseConfig, options: DataSourceOptions): Promise<void> {
  const db = await new DataSource(options).initialize();
  try {
    await db.runMigrations({ transaction: 'each' });
    await grantAppRole(db, config);
  } finally {
    await db.destroy();
  }
}
