import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EntityManager } from 'typeorm';
import { deriveAgencies, type AdminUnitRecord } from '@dvc/core';
import { MINIMAL_UNIT_RANKS, MINIMAL_UNITS } from './minimal-hierarchy';
import { readUnitsCsv, UNITS_FILE } from './units-csv';

export interface UnitsImportResult {
  source: string;
  units: number;
  agencies: number;
}

/** The pre-2025 three-level map is in force from this date until a reorganisation closes units. */
export const THREE_LEVEL_VALID_FROM = '2008-08-01';

function parentsFirst(units: AdminUnitRecord[]): AdminUnitRecord[] {
  const order = { city: 0, district: 1, commune: 2 } as const;
  return [...units].sort((a, b) => order[a.level] - order[b.level] || a.code.localeCompare(b.code));
}

/**
 * Upserts units and their derived agencies; running it again changes nothing. Reads the shared CSV when the
 * folder has it, otherwise seeds the minimal hierarchy so a bare clone still runs.
 */
export async function importUnits(em: EntityManager, dataDir: string): Promise<UnitsImportResult> {
  const file = join(resolve(dataDir), UNITS_FILE);
  const fromFile = existsSync(file);
  const units = parentsFirst(fromFile ? readUnitsCsv(file) : MINIMAL_UNITS);
  const agencies = deriveAgencies(units, fromFile ? new Map() : MINIMAL_UNIT_RANKS);

  // Only the three-level versions are refreshed: units a reorganisation changed or closed, and closed agencies,
  // are history and stay as they are.
  for (let i = 0; i < units.length; i += 500) {
    const batch = units.slice(i, i + 500);
    await em.query(
      `INSERT INTO units (code, name, type, level, parent_code, valid_from)
       SELECT * FROM unnest($1::varchar[], $2::text[], $3::text[], $4::varchar[], $5::varchar[], $6::date[])
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, type = EXCLUDED.type, level = EXCLUDED.level, parent_code = EXCLUDED.parent_code
       WHERE units.valid_from = EXCLUDED.valid_from AND units.valid_to IS NULL`,
      [
        batch.map((u) => u.code),
        batch.map((u) => u.name),
        batch.map((u) => u.type),
        batch.map((u) => u.level),
        batch.map((u) => u.parentCode),
        batch.map(() => THREE_LEVEL_VALID_FROM),
      ],
    );
  }
  for (let i = 0; i < agencies.length; i += 500) {
    const batch = agencies.slice(i, i + 500);
    await em.query(
      `INSERT INTO agencies (code, name, kind, sectors, unit_code, receives, scope_code, valid_from)
       SELECT code, name, kind, string_to_array(sectors, ','), unit_code, receives, scope_code, valid_from
       FROM unnest($1::varchar[], $2::text[], $3::varchar[], $4::text[], $5::varchar[], $6::boolean[], $7::varchar[], $8::date[])
         AS a(code, name, kind, sectors, unit_code, receives, scope_code, valid_from)
       ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, kind = EXCLUDED.kind, sectors = EXCLUDED.sectors, unit_code = EXCLUDED.unit_code,
         receives = EXCLUDED.receives, scope_code = EXCLUDED.scope_code
       WHERE agencies.valid_to IS NULL`,
      [
        batch.map((a) => a.code),
        batch.map((a) => a.name),
        batch.map((a) => a.kind),
        batch.map((a) => a.sectors.join(',')),
        batch.map((a) => a.unitCode),
        batch.map((a) => a.receives),
        batch.map((a) => a.scopeCode),
        batch.map(() => THREE_LEVEL_VALID_FROM),
      ],
    );
  }
  return { source: fromFile ? file : 'minimal built-in hierarchy', units: units.length, agencies: agencies.length };
}
