import { DataSource } from 'typeorm';
import { PROCEDURES, upsertProcedures } from '@dvc/catalog';
import type { DataConfig } from '@dvc/config';
import { seedDemoOfficers } from '@dvc/identity';
import { importUnits } from '@dvc/units';

export interface SeedReport {
  unitsSource: string;
  units: number;
  agencies: number;
  procedures: number;
  demoOfficers: number;
}

/** Reference data always; demo accounts only when demo data is on (never in production). Idempotent. */
export async function seedAll(db: DataSource, data: DataConfig): Promise<SeedReport> {
  return db.transaction(async (em) => {
    const units = await importUnits(em, data.unitsDataDir);
    const procedures = await upsertProcedures(em, PROCEDURES);
    const demoOfficers = data.demoData ? await seedDemoOfficers(em, data.demoPassword) : 0;
    return { unitsSource: units.source, units: units.units, agencies: units.agencies, procedures, demoOfficers };
  });
}
