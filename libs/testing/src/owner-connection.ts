import { Client } from 'pg';
import { testEnv } from './test-env';

/**
 * A connection as DATABASE_URL's user, the schema's owner, in one transaction: for what only a migration may do
 * (the apps, and so `TestApp.db`, connect as the application role, which owns nothing).
 */
export async function asOwner<T>(
  work: (query: (sql: string, params?: unknown[]) => Promise<any[]>) => Promise<T>,
  overrides: Record<string, string> = {},
): Promise<T> {
  const client = new Client({ connectionString: { ...testEnv(), ...overrides }.DATABASE_URL });
  await client.connect();
  try {
    await client.query('BEGIN');
    const result = await work(async (sql, params) => (await client.query(sql, params)).rows);
    await client.query('COMMIT');
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch(() => undefined);
    throw error;
  } finally {
    await client.end();
  }
}
