import type { EntityManager } from 'typeorm';
import type { AgencyRecord } from '@dvc/core';

/** One change of the administrative map, applied by `UnitsService.applyMapChange` inside the caller's transaction. */
export interface MapChange {
  effectiveDate: string;
  /** The day before: the last day of what closes. */
  lastOldDay: string;
  reorganizationId: string;
  /** The parent of the new units. */
  parentCode: string;
  /** New units of the map; a code that exists already carries on, its old version kept in unit_versions. */
  units: { code: string; name: string; type: string; level: 'commune' }[];
  closeUnits: string[];
  successions: { oldCode: string; newCode: string; mergeType: 'full' | 'partial'; receivesDossiers: boolean }[];
  openAgencies: AgencyRecord[];
  closeAgencies: { code: string; successorCode: string | null }[];
}

const json = (rows: unknown[]) => JSON.stringify(rows);

/** Set-based statements (one per kind of change), so the whole Hà Nội map switches in a few round trips. */
export async function writeMapChange(em: EntityManager, change: MapChange): Promise<void> {
  const codes = change.units.map((u) => u.code);
  await em.query(
    `INSERT INTO unit_versions (code, name, type, level, parent_code, valid_from, valid_to)
     SELECT code, name, type, level, parent_code, valid_from, $2 FROM units WHERE code = ANY($1)`,
    [codes, change.lastOldDay],
  );
  await em.query(
    `INSERT INTO units (code, name, type, level, parent_code, valid_from)
     SELECT u.code, u.name, u.type, u.level, $2, $3 FROM jsonb_to_recordset($1::jsonb) AS u(code text, name text, type text, level text)
     ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code,
       valid_from = EXCLUDED.valid_from, valid_to = NULL, office_hours = NULL`,
    [json(change.units), change.parentCode, change.effectiveDate],
  );
  await em.query(`UPDATE units SET valid_to = $2 WHERE code = ANY($1) AND valid_to IS NULL`, [change.closeUnits, change.lastOldDay]);
  await em.query(
    `INSERT INTO unit_successions (old_code, new_code, merge_type, receives_dossiers, effective_date, reorganization_id)
     SELECT s."oldCode", s."newCode", s."mergeType", s."receivesDossiers", $2, $3
     FROM jsonb_to_recordset($1::jsonb) AS s("oldCode" text, "newCode" text, "mergeType" text, "receivesDossiers" boolean)`,
    [json(change.successions), change.effectiveDate, change.reorganizationId],
  );
  await em.query(
    `INSERT INTO agencies (code, name, kind, sectors, unit_code, receives, scope_code, valid_from)
     SELECT a.code, a.name, a.kind, ARRAY(SELECT jsonb_array_elements_text(a.sectors)), a."unitCode", a.receives, a."scopeCode", $2
     FROM jsonb_to_recordset($1::jsonb) AS a(code text, name text, kind text, sectors jsonb, "unitCode" text, receives boolean, "scopeCode" text)`,
    [json(change.openAgencies), change.effectiveDate],
  );
  await em.query(
    `UPDATE agencies a SET valid_to = $2, successor_code = c."successorCode", receives = false
     FROM jsonb_to_recordset($1::jsonb) AS c(code text, "successorCode" text) WHERE a.code = c.code`,
    [json(change.closeAgencies), change.lastOldDay],
  );
}
