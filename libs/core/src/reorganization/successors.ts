import type { AgencySector } from '../catalog/procedure-definition';
import type { AgencyKind } from '../units/agency-identifier';
import type { PlannedStep } from '../workflow/plan-route';
import { districtStepTarget, type MergePlan } from './merge-plan';

export interface SuccessorAgency {
  code: string;
  kind: AgencyKind;
  sectors: AgencySector[];
  unitCode: string;
  scopeCode: string;
}

/** The new unit's agency for a sector: its People's Committee for `general` and for sectors no office holds. */
export function agencyForSector<A extends SuccessorAgency>(agencies: readonly A[], unitCode: string, sector: AgencySector): A | undefined {
  const ofUnit = agencies.filter((a) => a.unitCode === unitCode);
  const committee = ofUnit.find((a) => a.kind === 'people_committee');
  if (sector === 'general') return committee;
  return ofUnit.find((a) => a.sectors.includes(sector)) ?? committee;
}

/**
 * A district has no single successor: its own dossiers, officers and report rows go to the new unit of the first
 * of its communes in the merges file (that commune's successor).
 */
export function districtSuccessors(plan: MergePlan, districtOf: ReadonlyMap<string, string | null>): Map<string, string> {
  const result = new Map<string, string>();
  for (const unit of plan.newUnits) {
    for (const old of unit.olds) {
      const district = districtOf.get(old.code);
      if (district && !result.has(district)) result.set(district, plan.successorOf.get(old.code) ?? unit.code);
    }
  }
  return result;
}

/** Where an old unit's dossiers and officers go: its successor commune, or for a district its first commune's. */
export function successorUnitOf(unitCode: string, plan: MergePlan, districtHomes: ReadonlyMap<string, string>): string | undefined {
  return plan.successorOf.get(unitCode) ?? districtHomes.get(unitCode);
}

export interface RerouteContext {
  /** Identifiers of the agencies that close. */
  closing: ReadonlySet<string>;
  /** The new unit that takes the dossier (`successorUnitOf` its receiving unit). */
  home: string;
  created: readonly SuccessorAgency[];
  /** The city's departments, for district steps that go up to the city (culture). */
  departments: readonly SuccessorAgency[];
}

/**
 * The dossier's route on the new map: steps already done keep their agencies as history; each remaining step at a
 * closing agency goes to the home unit's agency of its sector, a district step to the level the 2025 laws gave
 * its sector (`districtStepTarget`).
 */
export function rerouteSteps(route: readonly PlannedStep[], stepIndex: number, ctx: RerouteContext): PlannedStep[] {
  return route.map((step): PlannedStep => {
    if (step.index < stepIndex || !ctx.closing.has(step.agencyCode)) return step;
    const level = step.level === 'district' ? districtStepTarget(step.sector) : step.level;
    if (level === 'city') {
      const department = ctx.departments.find((a) => (step.sector === 'general' ? a.kind === 'people_committee' : a.sectors.includes(step.sector)));
      return department ? { ...step, level, agencyCode: department.code, scopeCode: department.scopeCode } : step;
    }
    const agency = agencyForSector(ctx.created, ctx.home, step.sector);
    return agency ? { ...step, level, agencyCode: agency.code, scopeCode: agency.scopeCode } : step;
  });
}
