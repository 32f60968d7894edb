import type { AdminLevel, AgencySector } from '../catalog/procedure-definition';
import { DomainError, type FieldError } from '../errors/domain-error';
import { PROVINCE_GROUP, type AgencyKind, type AgencyRecord } from '../units/agency-identifier';

export interface MergeRow {
  newCode: string;
  newName: string;
  oldCode: string;
  oldName: string;
  mergeType: 'full' | 'partial';
}

export interface MergePlan {
  /** New units in file order, each with the old communes (fully or partly) in it. */
  newUnits: { code: string; name: string; olds: { code: string; name: string; mergeType: 'full' | 'partial' }[] }[];
  /** The successor of every old commune: the first new unit listed for it, unless overridden. */
  successorOf: Map<string, string>;
}

/**
 * Reads the merges table and decides each old commune's successor. A commune split between new units (partial)
 * goes, for its in-flight dossiers, to the new unit listed first for it, unless `overrides` names another of its
 * new units.
 */
export function planMerges(rows: MergeRow[], overrides: Record<string, string> = {}): MergePlan {
  const errors: FieldError[] = [];
  const byNew = new Map<string, MergePlan['newUnits'][number]>();
  const candidates = new Map<string, string[]>();
  rows.forEach((r, i) => {
    if (!/^\d{5}$/.test(r.newCode) || !/^\d{5}$/.test(r.oldCode)) errors.push({ field: `merges[${i}]`, message: 'codes must be 5-digit commune codes' });
    if (r.mergeType !== 'full' && r.mergeType !== 'partial') errors.push({ field: `merges[${i}].merge_type`, message: 'must be full or partial' });
    const unit = byNew.get(r.newCode) ?? { code: r.newCode, name: r.newName, olds: [] };
    unit.olds.push({ code: r.oldCode, name: r.oldName, mergeType: r.mergeType });
    byNew.set(r.newCode, unit);
    const list = candidates.get(r.oldCode) ?? [];
    if (!list.includes(r.newCode)) list.push(r.newCode);
    candidates.set(r.oldCode, list);
  });
  for (const [oldCode, newCode] of Object.entries(overrides)) {
    const list = candidates.get(oldCode);
    if (!list) errors.push({ field: `overrides.${oldCode}`, message: 'is not an old commune of this reorganisation' });
    else if (!list.includes(newCode)) errors.push({ field: `overrides.${oldCode}`, message: `must be one of its new units: ${list.join(', ')}` });
  }
  if (errors.length > 0) throw DomainError.validation(errors);
  const successorOf = new Map([...candidates].map(([oldCode, list]) => [oldCode, overrides[oldCode] ?? list[0]]));
  return { newUnits: [...byNew.values()], successorOf };
}

/**
 * Where a workflow step of an abolished district goes under the two-level government (Decree 118/2025 and the
 * laws of 2025 moved most district powers to communes). Sectors not listed stay at commune level.
 */
export const DISTRICT_STEP_TARGET: Partial<Record<AgencySector, AdminLevel>> = {
  planning_investment: 'commune',
  natural_resources: 'commune',
  construction: 'commune',
  urban_management: 'commune',
  labour_social: 'commune',
  justice: 'commune',
  economy: 'commune',
  general: 'commune',
  culture: 'city',
};

export function districtStepTarget(sector: AgencySector): AdminLevel {
  return DISTRICT_STEP_TARGET[sector] ?? 'commune';
}

/** An agency of the two-level map: the same record as the three-level ones. */
export type NewAgency = AgencyRecord;

const OFFICES: { slot: number; kind: AgencyKind; sectors: AgencySector[]; name: (u: string) => string; receives: boolean }[] = [
  { slot: 1, kind: 'one_stop_desk', sectors: ['one_stop'], name: (u) => `Trung tâm Phục vụ hành chính công ${u}`, receives: true },
  { slot: 2, kind: 'office', sectors: ['justice'], name: (u) => `Văn phòng HĐND và UBND ${u} (tư pháp - hộ tịch)`, receives: false },
  {
    slot: 3,
    kind: 'office',
    sectors: ['natural_resources', 'construction', 'urban_management', 'economy', 'planning_investment'],
    name: (u) => `Phòng Kinh tế ${u}`,
    receives: false,
  },
  { slot: 4, kind: 'office', sectors: ['labour_social', 'culture'], name: (u) => `Phòng Văn hóa - Xã hội ${u}`, receives: false },
];

/**
 * Agencies of the communes of the two-level map. Identifiers continue the QCVN 102:2016 shape without a district
 * group: new commune r (1-based, in file order) takes L2 = 51 + ⌊(r−1)/90⌋ and L3 = 10 + (r−1) mod 90, so they never
 * collide with the three-level ones (L2 ≤ 50). The People's Committee is `000.L3.L2.H26`, its offices `NNN.L3.L2.H26`;
 * their scope is the People's Committee's identifier, so officers of the closed agencies of a commune that kept
 * its statistics code never share a worklist with the new ones.
 */
export function deriveTwoLevelAgencies(units: { code: string; name: string }[]): NewAgency[] {
  return units.flatMap((unit, i) => {
    const l2 = 51 + Math.floor(i / 90);
    const l3 = 10 + (i % 90);
    const id = (l4: number) => `${String(l4).padStart(3, '0')}.${String(l3).padStart(2, '0')}.${String(l2).padStart(2, '0')}.${PROVINCE_GROUP}`;
    const scope = id(0);
    return [
      {
        code: scope,
        name: `Ủy ban nhân dân ${unit.name}`,
        kind: 'people_committee' as const,
        sectors: ['general' as const],
        unitCode: unit.code,
        receives: false,
        scopeCode: scope,
      },
      ...OFFICES.map((o) => ({
        code: id(o.slot),
        name: o.name(unit.name),
        kind: o.kind,
        sectors: o.sectors,
        unitCode: unit.code,
        receives: o.receives,
        scopeCode: scope,
      })),
    ];
  });
}
