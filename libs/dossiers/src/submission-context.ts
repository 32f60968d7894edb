import { DataSource } from 'typeorm';
import { overlayVersion, ProcedureEntity, type VersionInForce } from '@dvc/catalog';
import { isUuid, type AdminLevel, type RoutableAgency, type UnitChain } from '@dvc/core';
import { entityFromRow, preparedQuery } from '@dvc/database';
import { AgencyEntity } from '@dvc/units';

/** What a route needs of an agency, and its name for the answer. */
export type RouteAgency = RoutableAgency & { name: string };

/** What a submission is checked against, as the database has it now. */
export interface SubmissionContext {
  /** The active procedure of that code as in force now, if any. */
  procedure: ProcedureEntity | null;
  /** The agency of that code as it is today (not closed by a reorganisation), if any. */
  agency: AgencyEntity | null;
  /** The agency's unit and its ancestors by level, and the level of its own unit. */
  chain: UnitChain;
  level: AdminLevel | null;
  /** Today's agencies of the units in the chain: the ones a route may pass through. */
  routeAgencies: RouteAgency[];
  /** Which of the given file ids the owner uploaded. */
  ownedFileIds: Set<string>;
}

/**
 * Everything in one statement. Read on every submission, not cached: a procedure withdrawn from the catalogue or
 * an agency closed by a reorganisation must stop receiving at once.
 */
const SQL = `
WITH RECURSIVE
  agency AS (SELECT * FROM agencies WHERE code = $2 AND valid_to IS NULL),
  up AS (
    SELECT u.code, u.level, u.parent_code, 0 AS depth FROM units u JOIN agency a ON u.code = a.unit_code
    UNION ALL
    SELECT u.code, u.level, u.parent_code, up.depth + 1 FROM units u JOIN up ON u.code = up.parent_code WHERE up.depth < 5
  )
SELECT
  (SELECT to_jsonb(p) FROM procedures p WHERE p.code = $1 AND p.active) AS procedure,
  (SELECT jsonb_build_object('version', v.version, 'effectiveFrom', v.effective_from, 'content', v.content)
     FROM procedures p JOIN LATERAL (SELECT * FROM procedure_versions v WHERE v.procedure_code = p.code AND v.effective_from <= now()
       ORDER BY v.version DESC LIMIT 1) v ON true
     WHERE p.code = $1 AND p.active AND p.effective_from > now()) AS procedure_in_force,
  (SELECT to_jsonb(a) FROM agency a) AS agency,
  (SELECT coalesce(jsonb_agg(jsonb_build_object('code', code, 'level', level, 'depth', depth)), '[]') FROM up) AS chain,
  (SELECT coalesce(jsonb_agg(jsonb_build_object('code', x.code, 'name', x.name, 'kind', x.kind, 'sectors', x.sectors,
            'unitCode', x.unit_code, 'scopeCode', x.scope_code)), '[]') FROM agencies x
     WHERE x.unit_code = ANY (ARRAY(SELECT code FROM up)) AND x.valid_to IS NULL) AS route_agencies,
  (SELECT coalesce(array_agg(f.id::text), '{}') FROM files f WHERE f.id = ANY($3::uuid[]) AND f.owner_kind = $4 AND f.owner_id = $5) AS owned_file_ids`;

interface Row {
  procedure: Record<string, unknown> | null;
  /** The version in force when the procedure row's newest version waits for its date. */
  procedure_in_force: VersionInForce | null;
  agency: Record<string, unknown> | null;
  chain: { code: string; level: AdminLevel; depth: number }[];
  route_agencies: RouteAgency[];
  owned_file_ids: string[];
}

export async function loadSubmissionContext(
  db: DataSource,
  input: { procedureCode: string; agencyCode: string; fileIds: readonly string[] },
  owner: { kind: 'citizen' | 'officer'; id: string },
): Promise<SubmissionContext> {
  const fileIds = [...new Set(input.fileIds.filter(isUuid))];
  const [row] = await preparedQuery<Row>(db, 'submission_context', SQL, [input.procedureCode, input.agencyCode, fileIds, owner.kind, owner.id]);
  const chain: UnitChain = {};
  for (const unit of row.chain) chain[unit.level] = unit.code;
  return {
    procedure: row.procedure ? overlayVersion(entityFromRow<ProcedureEntity>(db.getMetadata(ProcedureEntity), row.procedure), row.procedure_in_force) : null,
    agency: row.agency ? entityFromRow<AgencyEntity>(db.getMetadata(AgencyEntity), row.agency) : null,
    chain,
    level: row.chain.find((u) => u.depth === 0)?.level ?? null,
    routeAgencies: row.route_agencies,
    ownedFileIds: new Set(row.owned_file_ids),
  };
}
