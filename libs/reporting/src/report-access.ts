import type { DataSource } from 'typeorm';
import { DomainError, reportReachOf, type AgencyKind, type Principal } from '@dvc/core';

/**
 * Refuses (404, like a unit that does not exist) a processing report outside the caller's reach (reportReachOf):
 * citizens never; administrators any unit; a People's Committee its unit and the units below; a city department
 * its own agency only (never the city it sits in, its districts or communes).
 */
export async function assertMayReadReport(db: DataSource, principal: Principal, unitCode: string): Promise<void> {
  if (principal.kind !== 'officer') throw DomainError.notFound(`Unit ${unitCode}`);
  const [agency]: { kind: AgencyKind }[] = await db.query(`SELECT kind FROM agencies WHERE code = $1`, [principal.agencyCode]);
  if (!agency) throw DomainError.notFound(`Unit ${unitCode}`);
  const reach = reportReachOf({ ...principal, agencyKind: agency.kind });
  if (reach.kind === 'everything') return;
  if (reach.kind === 'agency') {
    if (unitCode !== reach.agencyCode) throw DomainError.notFound(`Unit ${unitCode}`);
    return;
  }
  const rows: { ok: boolean }[] = await db.query(
    `SELECT EXISTS (SELECT 1 FROM units u LEFT JOIN units p ON p.code = u.parent_code WHERE u.code = $1 AND (u.code = $2 OR u.parent_code = $2 OR p.parent_code = $2)) AS ok`,
    [unitCode, reach.unitCode],
  );
  if (!rows[0]?.ok) throw DomainError.notFound(`Unit ${unitCode}`);
}
