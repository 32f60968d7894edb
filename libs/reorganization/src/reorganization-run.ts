import { EntityManager } from 'typeorm';
import {
  addDaysYmd,
  agencyForSector,
  deriveTwoLevelAgencies,
  districtSuccessors,
  planMerges,
  planOfficerTransfers,
  refuseBadOfficerMapping,
  rerouteSteps,
  successorUnitOf,
  type MergeRow,
  type OfficerMapping,
  type OfficerTransfer,
} from '@dvc/core';
import { rerouteDossier } from '@dvc/dossiers';
import { applyOfficerTransfers } from '@dvc/identity';
import type { UnitsService } from '@dvc/units';
import { ReorganizationReadModel } from './reorganization.read-model';

export interface ReorganizationPlan {
  name: string;
  /** First day of the new map (YYYY-MM-DD). */
  effectiveDate: string;
  merges: MergeRow[];
  /** Old commune → the new unit that takes its in-flight dossiers (for communes split between new units). */
  overrides: Record<string, string>;
  officers: OfficerMapping;
}

/** What the switch changes; the dry run's answer and, once applied, the plan's record. */
export interface SwitchSummary {
  units: { created: number; continued: number; closed: number; districtsClosed: number };
  agencies: { closed: number; created: number; mapped: number };
  officers: { moved: number; granted: number };
  /** Dossiers whose current agency changed. */
  dossiersMoved: number;
  /** Dossiers whose remaining route changed (moved ones included). */
  dossiersRerouted: number;
  /** Closed agency → how many in-flight dossiers leave it. */
  movedFrom: Record<string, number>;
  /** New agency → how many in-flight dossiers arrive. */
  movedTo: Record<string, number>;
  /** What moves where, one line each. */
  moves: {
    units: { code: string; to: string }[];
    agencies: { code: string; successorCode: string | null }[];
    officers: Pick<OfficerTransfer, 'username' | 'mode' | 'fromAgencyCode' | 'toAgencyCode' | 'roles' | 'grantedUsername'>[];
    dossiers: { code: string; fromAgencyCode: string; toAgencyCode: string }[];
  };
}

const typeOf = (name: string) => (name.startsWith('Phường') ? 'Phường' : name.startsWith('Thị trấn') ? 'Thị trấn' : 'Xã');

/**
 * The switch to the new map in `em`'s transaction; reorganisation only orchestrates: the read model reads, core
 * decides what maps where, and the units, identity and dossiers libs write their own tables. New communes (codes
 * that carry on keep their old version), districts and merged communes closed with successions, old agencies
 * closed with their successor and new ones opened, the officers of the closed agencies moved or granted to the
 * successors with their roles, and open dossiers rerouted (code, history, rule set and deadlines unchanged).
 */
export async function switchMap(em: EntityManager, units: UnitsService, plan: ReorganizationPlan, actorName: string, now: Date): Promise<SwitchSummary> {
  const merges = planMerges(plan.merges, plan.overrides);
  const read = new ReorganizationReadModel(em);
  const eff = plan.effectiveDate;
  const city = await read.city();
  const reorganizationId = (await em.query(`SELECT gen_random_uuid() AS id`))[0].id as string;
  const newCodes = merges.newUnits.map((u) => u.code);
  const isNew = new Set(newCodes);
  const oldCodes = [...merges.successorOf.keys()];
  const districts = await read.districtCodes(city.code);
  refuseBadOfficerMapping(plan.officers, new Set([...oldCodes, ...districts]));

  const continuing = await read.existingUnitCodes(newCodes);
  const districtHomes = districtSuccessors(merges, await read.parentsOf(oldCodes));
  const closing = await read.openAgenciesOf([...oldCodes, ...districts]);
  const created = deriveTwoLevelAgencies(merges.newUnits);
  const departments = await read.openAgenciesOf([city.code]);
  const officers = await read.officersAt(closing.map((a) => a.code));
  const dossiers = await read.openDossiersThrough(closing.map((a) => a.code));

  // A commune's agencies have a successor (kept on the closed agency); a district's officers go by sector to its home.
  const successorOfAgency = new Map(
    closing.map((a) => {
      const unit = merges.successorOf.get(a.unitCode);
      return [a.code, unit ? (agencyForSector(created, unit, a.sectors[0]) ?? null) : null] as const;
    }),
  );
  const officerTargets = new Map(
    closing.flatMap((a) => {
      const target =
        successorOfAgency.get(a.code) ?? (districtHomes.has(a.unitCode) ? agencyForSector(created, districtHomes.get(a.unitCode)!, a.sectors[0]) : undefined);
      return target ? [[a.code, { agencyCode: target.code, unitCode: target.unitCode }] as const] : [];
    }),
  );
  const transfers = planOfficerTransfers(officers, officerTargets, plan.officers);

  const closedCommunes = oldCodes.filter((c) => !isNew.has(c));
  const successions = [
    ...merges.newUnits.flatMap((n) =>
      n.olds.map((o) => ({ oldCode: o.code, newCode: n.code, mergeType: o.mergeType, receivesDossiers: merges.successorOf.get(o.code) === n.code })),
    ),
    ...[...districtHomes]
      .filter(([d]) => districts.includes(d))
      .map(([oldCode, newCode]) => ({ oldCode, newCode, mergeType: 'partial' as const, receivesDossiers: true })),
  ];
  await units.applyMapChange(em, {
    effectiveDate: eff,
    lastOldDay: addDaysYmd(eff, -1),
    reorganizationId,
    parentCode: city.code,
    units: merges.newUnits.map((n) => ({ code: n.code, name: n.name, type: typeOf(n.name), level: 'commune' })),
    closeUnits: [...closedCommunes, ...districts],
    successions,
    openAgencies: created,
    closeAgencies: closing.map((a) => ({ code: a.code, successorCode: successorOfAgency.get(a.code)?.code ?? null })),
  });
  const officerCounts = await applyOfficerTransfers(em, transfers);

  const closingCodes = new Set(closing.map((a) => a.code));
  const movedFrom: Record<string, number> = {};
  const movedTo: Record<string, number> = {};
  const movedDossiers: SwitchSummary['moves']['dossiers'] = [];
  for (const d of dossiers) {
    const home = successorUnitOf(d.receivingUnitCode, merges, districtHomes) ?? created[0].unitCode;
    const route = rerouteSteps(d.route, d.stepIndex, { closing: closingCodes, home, created, departments });
    const to = route[d.stepIndex].agencyCode;
    const { moved } = await rerouteDossier(em, d, {
      route,
      agencyName: created.find((a) => a.code === to)?.name ?? to,
      actorName,
      at: now,
      note: `Sắp xếp đơn vị hành chính: ${plan.name}`,
      data: { reorganization: plan.name, effectiveDate: eff, controlSlip: true },
    });
    if (!moved) continue;
    movedFrom[d.currentAgencyCode] = (movedFrom[d.currentAgencyCode] ?? 0) + 1;
    movedTo[to] = (movedTo[to] ?? 0) + 1;
    movedDossiers.push({ code: d.code, fromAgencyCode: d.currentAgencyCode, toAgencyCode: to });
  }

  return {
    units: { created: newCodes.length - continuing.size, continued: continuing.size, closed: closedCommunes.length, districtsClosed: districts.length },
    agencies: { closed: closing.length, created: created.length, mapped: [...successorOfAgency.values()].filter(Boolean).length },
    officers: officerCounts,
    dossiersMoved: movedDossiers.length,
    dossiersRerouted: dossiers.length,
    movedFrom,
    movedTo,
    moves: {
      units: oldCodes
        .map((code) => ({ code, to: merges.successorOf.get(code)! }))
        .concat(districts.filter((d) => districtHomes.has(d)).map((code) => ({ code, to: districtHomes.get(code)! }))),
      agencies: closing.map((a) => ({ code: a.code, successorCode: successorOfAgency.get(a.code)?.code ?? null })),
      officers: transfers.map(({ username, mode, fromAgencyCode, toAgencyCode, roles, grantedUsername }) => ({
        username,
        mode,
        fromAgencyCode,
        toAgencyCode,
        roles,
        ...(grantedUsername ? { grantedUsername } : {}),
      })),
      dossiers: movedDossiers,
    },
  };
}
