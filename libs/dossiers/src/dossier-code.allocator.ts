import { DataSource } from 'typeorm';
import { formatDossierCode, formatYmd } from '@dvc/core';

/**
 * Takes the next number of the agency's sequence for the local day in its own statement (autocommit): the
 * row lock lasts microseconds and touches one agency only. A number taken by a submission that then fails is
 * simply skipped — codes are unique and ordered, not gapless.
 */
export async function allocateDossierCode(db: DataSource, agencyCode: string, at: Date): Promise<string> {
  const day = formatYmd(at);
  const rows: { last_value: number }[] = await db.query(
    `INSERT INTO dossier_code_counters (agency_code, day, last_value) VALUES ($1, $2, 1)
     ON CONFLICT (agency_code, day) DO UPDATE SET last_value = dossier_code_counters.last_value + 1
     RETURNING last_value`,
    [agencyCode, day],
  );
  return formatDossierCode(agencyCode, at, rows[0].last_value);
}
