import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import type { DataSource } from 'typeorm';

export type Snapshot = Record<string, number>;

/**
 * Row counts of every table of the schema (migrations aside), plus two fingerprints of in-place changes that a count
 * cannot see: the sum of dossier versions (every change bumps one) and the number of paid payments.
 */
export async function snapshotQuery(db: DataSource): Promise<string> {
  const tables: { name: string }[] = await db.query(
    `SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE' AND table_name <> 'migrations' ORDER BY 1`,
  );
  if (!tables.some((t) => t.name === 'dossiers')) throw new Error('no dossiers table: is this the right database?');
  const counts = tables.map((t) => `(SELECT count(*) FROM "${t.name}")::int AS "${t.name}"`);
  return `SELECT ${counts.join(', ')},
    (SELECT coalesce(sum(version), 0) FROM dossiers)::int AS "dossiers.version_sum",
    (SELECT count(*) FROM payments WHERE status = 'paid')::int AS "payments.paid"`;
}

export async function snapshot(db: DataSource, query: string, filesDir?: string): Promise<Snapshot> {
  const [row] = (await db.query(query)) as Snapshot[];
  if (filesDir) row['files on disk'] = await countFiles(filesDir);
  return row;
}

async function countFiles(dir: string): Promise<number> {
  if (!existsSync(dir)) return 0;
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).length;
}

/** `table: before → after` for every figure that moved. */
export function changes(before: Snapshot, after: Snapshot): string[] {
  return Object.keys({ ...before, ...after })
    .filter((k) => before[k] !== after[k])
    .map((k) => `${k}: ${before[k]} → ${after[k]}`);
}
