import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { EntityManager } from 'typeorm';
import { deriveAgencies, type AdminUnitRecord } from '@dvc/core';
import { AgencyEntity } from './agency.entity';
import { MINIMAL_UNIT_RANKS, MINIMAL_UNITS } from './minimal-hierarchy';
import { UnitEntity } from './unit.entity';
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

  const unitRows = units.map((u) => ({ code: u.code, name: u.name, type: u.type, level: u.level, parentCode: u.parentCode, validFrom: THREE_LEVEL_VALID_FROM }));
  for (let i = 0; i < unitRows.length; i += 500) {
    await em.createQueryBuilder().insert().into(UnitEntity).values(unitRows.slice(i, i + 500))
      .orUpdate(['name', 'type', 'level', 'parent_code'], ['code']).execute();
  }
  const agencyRows = agencies.map((a) => ({ ...a, validFrom: THREE_LEVEL_VALID_FROM }));
  for (let i = 0; i < agencyRows.length; i += 500) {
    await em.createQueryBuilder().insert().into(AgencyEntity).values(agencyRows.slice(i, i + 500))
      .orUpdate(['name', 'kind', 'sectors', 'unit_code', 'receives', 'scope_code'], ['code']).execute();
  }
  return { source: fromFile ? file : 'minimal built-in hierarchy', units: units.length, agencies: agencies.length };
}
