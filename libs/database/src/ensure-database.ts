import { Client } from 'pg';
import type { DatabaseConfig } from '@dvc/config';

/** postgres://user:secret@host:5432/db → postgres://user@host:5432 (for messages). */
export function describeServer(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.username ? `${u.username}@` : ''}${u.host}`;
}

export class ServiceDownError extends Error {
  override name = 'ServiceDownError';
}

const PG_HINT =
  'start it with: pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) main start   (or: docker compose -f docker/compose.yml up -d postgres)';

/** Connects to the server's maintenance database; one clear line when nothing answers. */
export async function checkPostgres(config: DatabaseConfig, timeoutMs = 3000): Promise<void> {
  const client = new Client({ connectionString: config.maintenanceUrl, connectionTimeoutMillis: timeoutMs });
  try {
    await client.connect();
    await client.query('SELECT 1');
  } catch (error) {
    throw new ServiceDownError(`PostgreSQL at ${describeServer(config.url)} does not answer (${(error as Error).message}); ${PG_HINT}`);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** Creates the configured database when it does not exist yet. Returns whether it was created. */
export async function ensureDatabase(config: DatabaseConfig): Promise<boolean> {
  const client = new Client({ connectionString: config.maintenanceUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    const name = config.databaseName;
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (rowCount) return false;
    try {
      await client.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    } catch (error) {
      if ((error as { code?: string }).code !== '42P04') throw error; // created meanwhile by another process
    }
    return true;
  } finally {
    await client.end();
  }
}

export async function dropDatabase(config: DatabaseConfig): Promise<void> {
  const client = new Client({ connectionString: config.maintenanceUrl, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${config.databaseName.replace(/"/g, '""')}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
