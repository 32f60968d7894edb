import type { Pool } from 'pg';
import type { DataSource } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver';

/**
 * Runs a hot, fixed statement as a named prepared statement on TypeORM's own pool: each connection parses it once
 * and PostgreSQL may keep a generic plan, so a statement whose planning costs more than its execution (several
 * CTEs over small tables) stops paying for the plan on every call. The name must belong to one text only.
 */
export async function preparedQuery<T>(db: DataSource, name: string, text: string, values: unknown[]): Promise<T[]> {
  const pool = (db.driver as PostgresDriver).master as Pool;
  const result = await pool.query({ name, text, values });
  return result.rows as T[];
}
