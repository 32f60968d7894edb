import { DataSource, EntityManager } from 'typeorm';
import type { ProcedureContent } from '@dvc/core';
import { ProcedureEntity } from './procedure.entity';

/** A stored version as the queries below return it. */
export interface VersionInForce {
  version: number;
  effectiveFrom: string | Date;
  content: ProcedureContent;
}

/** The procedure row as it was in an earlier version: that version's content, number and date over the row. */
export function overlayVersion(row: ProcedureEntity, v: VersionInForce | null): ProcedureEntity {
  if (!v || v.version === row.version) return row;
  return Object.assign(new ProcedureEntity(), row, v.content, { version: v.version, effectiveFrom: new Date(v.effectiveFrom) });
}

/**
 * The newest version of each code that is in force at `at`. Versions take effect in the order of their numbers
 * (a publication never dates itself before the one waiting), so the highest number that has started is in force.
 */
const SQL = `SELECT DISTINCT ON (procedure_code) procedure_code AS code, version, effective_from AS "effectiveFrom", content
  FROM procedure_versions WHERE procedure_code = ANY($1) AND effective_from <= $2 ORDER BY procedure_code, version DESC`;

/**
 * Each procedure as in force at `at`. The row holds the newest published version; one whose date has not come
 * yet is replaced by the version before it (a single extra query, only when a row on hand waits for its date).
 */
export async function inForce(db: DataSource | EntityManager, rows: ProcedureEntity[], at = new Date()): Promise<ProcedureEntity[]> {
  const waiting = rows.filter((r) => r.effectiveFrom > at).map((r) => r.code);
  if (waiting.length === 0) return rows;
  const versions = new Map<string, VersionInForce>();
  for (const v of (await db.query(SQL, [waiting, at])) as (VersionInForce & { code: string })[]) versions.set(v.code, v);
  return rows.map((r) => overlayVersion(r, versions.get(r.code) ?? null));
}
