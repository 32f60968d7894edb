import { DataSource } from 'typeorm';
import { overlayVersion, ProcedureEntity, type VersionInForce } from '@dvc/catalog';
import { isUuid, type AdminLevel, type RoutableAgency, type UnitChain } from '@dvc/core';
import { entityFromRow, preparedQuery } from '@dvc/database';
import { AgencyEntity } from '@dvc/units';

/** What a route needs of an agency, and its name for the answer. */
export type RouteAgency = RoutableAgency & { name: string; receives: boolean };

/** What a submission is checked against, as the database has it now. */
export interface SubmissionContext {
  /** The active procedure of that code as in force now, if any. */
  procedure: ProcedureEntity | null;
  /** The agency of that code if it is open today (not closed by an administrator or a reorganisation). */
  agency: AgencyEntity | null;
  /** The agency of that code when it exists but is not open today: its first day closed and its successor. */
  closedAgency: { code: string; closedFrom: string | null; opensOn: string | null; successorCode: string | null } | null;
  /** The agency's unit and its ancestors by level, and the level of its own unit. */
  chain: UnitChain;
  level: AdminLevel | null;
  /** Today's agencies of the units in the chain: the ones a route may pass through. */
  routeAgencies: RouteAgency[];
  /** Which of the given file ids the owner uploaded. */
  ownedFileIds: Set<string>;
}

/**
 * Everything in one statement. Read on every submission, not cached: a procedure withdrawn from the catalogue, an
 * agency closed by an administrator or a reorganisation, or a new desk assignment must take effect at once. An agency
 * is open from its first day to its last (`valid_to`), local days. Each route agency carries its desk assignments for
 * the procedure ($1).
 */
const SQL = `
WITH RECURSIVE
  today AS (SELECT (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date AS d),
  agency AS (SELECT a.* FROM agencies a, today WHERE a.code = $2 AND a.valid_from <= today.d AND (a.valid_to IS NULL OR a.valid_to >= today.d)),
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
  (SELECT jsonb_build_object('code', c.code, 'closedFrom', (c.valid_to + 1)::text, 'opensOn', CASE WHEN c.valid_from > today.d THEN c.valid_from::text END,
            'successorCode', c.successor_code)
     FROM agencies c, today WHERE c.code = $2 AND NOT EXISTS (SELECT 1 FROM agency)) AS closed_agency,
  (SELECT coalesce(jsonb_agg(jsonb_build_object('code', code, 'level', level, 'depth', depth)), '[]') FROM up) AS chain,
  (SELECT coalesce(jsonb_agg(jsonb_build_object('code', x.code, 'name', x.name, 'kind', x.kind, 'sectors', x.sectors,
            'unitCode', x.unit_code, 'scopeCode', x.scope_code, 'receives', x.receives, 'duties', jsonb_build_object(
              'assigned', coalesce((SELECT jsonb_agg(p.duty) FROM agency_procedures p WHERE p.agency_code = x.code AND p.procedure_code = $1), '[]'),
              'restricted', coalesce((SELECT jsonb_agg(DISTINCT p.duty) FROM agency_procedures p WHERE p.agency_code = x.code), '[]')))), '[]')
     FROM agencies x, today
     WHERE x.unit_code = ANY (ARRAY(SELECT code FROM up)) AND x.valid_from <= today.d AND (x.valid_to IS NULL OR x.valid_to >= today.d)) AS route_agencies,
  (SELECT coalesce(array_agg(f.id::text), '{}') FROM files f WHERE f.id = ANY($3::uuid[]) AND f.owner_kind = $4 AND f.owner_id = $5) AS owned_file_ids`;

interface Row {
  procedure: Record<string, unknown> | null;
  /** The version in force when the procedure row's newest version waits for its date. */
  procedure_in_force: VersionInForce | null;
  agency: Record<string, unknown> | null;
  closed_agency: SubmissionContext['closedAgency'];
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
    closedAgency: row.closed_agency,
    chain,
    level: row.chain.find((u) => u.depth === 0)?.level ?? null,
    routeAgencies: row.route_agencies,
    ownedFileIds: new Set(row.owned_file_ids),
  };
}
