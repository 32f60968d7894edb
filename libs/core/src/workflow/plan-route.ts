import type { AdminLevel, AgencySector, WorkflowStepDefinition } from '../catalog/procedure-definition';
import { DomainError } from '../errors/domain-error';
import type { AgencyKind } from '../units/agency-identifier';
import { dutyFit, type AgencyDuty, type ProcedureDuties } from '../units/agency-duties';
import { districtStepTarget } from '../reorganization/merge-plan';

export interface RoutableAgency {
  code: string;
  kind: AgencyKind;
  sectors: AgencySector[];
  unitCode: string;
  scopeCode: string;
  /** Its desk assignments for the procedure being routed; absent: none (it works by kind and sector). */
  duties?: ProcedureDuties;
}

export interface PlannedStep {
  index: number;
  code: string;
  name: string;
  level: AdminLevel;
  sector: AgencySector;
  sharePercent: number;
  agencyCode: string;
  scopeCode: string;
}

/** The receiving unit and its ancestors, by level. */
export type UnitChain = Partial<Record<AdminLevel, string>>;

/** The candidates that may do a duty, the ones named for the procedure first, then by identifier. */
function best(candidates: RoutableAgency[], duty: AgencyDuty, rank: (a: RoutableAgency) => number = () => 0): RoutableAgency | undefined {
  return candidates
    .map((a) => ({ a, fit: dutyFit(a.duties, duty), rank: rank(a) }))
    .filter((c) => c.fit < 2 && c.rank >= 0)
    .sort((x, y) => x.rank - y.rank || x.fit - y.fit || x.a.code.localeCompare(y.a.code))[0]?.a;
}

/**
 * The agency of a unit that takes a step. A specialist step goes to an agency named to process the procedure that
 * covers the step's sector, else to one covering the sector that is not restricted to other procedures, else to any
 * agency named to process the procedure.
 */
function pick(candidates: RoutableAgency[], step: WorkflowStepDefinition, unitCode: string): RoutableAgency | undefined {
  const inUnit = candidates.filter((a) => a.unitCode === unitCode);
  if (step.sector === 'general') return inUnit.find((a) => a.kind === 'people_committee');
  if (step.sector === 'one_stop')
    return best(
      inUnit.filter((a) => a.kind === 'one_stop_desk'),
      'receive',
    );
  return best(
    inUnit.filter((a) => a.kind !== 'people_committee'),
    'process',
    (a) => {
      const covers = a.sectors.includes(step.sector);
      const named = dutyFit(a.duties, 'process') === 0;
      return covers && named ? 0 : covers ? 1 : named ? 2 : -1;
    },
  );
}

/**
 * Resolves each workflow step (level + sector) to a concrete agency along the receiving unit's chain
 * (commune → district → city). Reception and return at the receiving level happen at the receiving desk itself,
 * so a dossier handed in at a city department comes back to that department.
 */
export function planRoute(
  workflow: WorkflowStepDefinition[],
  chain: UnitChain,
  agencies: RoutableAgency[],
  receiving: RoutableAgency,
  receivingLevel: AdminLevel,
): PlannedStep[] {
  return workflow.map((step, index) => {
    // Where districts no longer exist (the two-level map), their steps go where the mapping table says.
    const level = step.level === 'district' && !chain.district ? districtStepTarget(step.sector) : step.level;
    const unitCode = chain[level];
    let agency: RoutableAgency | undefined;
    // Reception and return happen at the desk that received the dossier, whatever its level.
    const atDesk = step.sector === 'one_stop' && (level === receivingLevel || index === 0 || index === workflow.length - 1);
    if (atDesk) agency = receiving;
    else if (unitCode) agency = pick(agencies, step, unitCode);
    if (!agency) {
      throw DomainError.validation([
        { field: 'agencyCode', message: `no agency at ${step.level} level handles the step "${step.name}" (${step.sector}) for this receiving agency` },
      ]);
    }
    return {
      index,
      code: step.code,
      name: step.name,
      level,
      sector: step.sector,
      sharePercent: step.sharePercent,
      agencyCode: agency.code,
      scopeCode: agency.scopeCode,
    };
  });
}

/** The step a leader signs at: the last one before the final return at the desk. */
export function approvalStepIndex(route: PlannedStep[]): number {
  return Math.max(0, route.length - 2);
}

/**
 * Where a transfer from step `current` to `agencyCode` lands: the next step at that agency (forward), or the
 * latest earlier one (sending back). Null when the workflow never visits that agency.
 */
export function transferTarget(route: PlannedStep[], current: number, agencyCode: string): number | null {
  const forward = route.find((s) => s.index > current && s.agencyCode === agencyCode);
  if (forward) return forward.index;
  const back = [...route].reverse().find((s) => s.index < current && s.agencyCode === agencyCode);
  return back ? back.index : null;
}
