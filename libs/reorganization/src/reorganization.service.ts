import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import {
  addDaysYmd, deriveTwoLevelAgencies, districtStepTarget, DomainError, DomainErrorCode, NATIONAL_STATUS, planMerges,
  type MergeRow, type PlannedStep,
} from '@dvc/core';
import { AuditLog, type AuditActor } from '@dvc/audit';
import { DossierEntity, DossierEventEntity } from '@dvc/dossiers';
import { writeOutbox } from '@dvc/notifications';
import { AgencyEntity, ReorganizationEntity, UnitEntity } from '@dvc/units';

export interface ReorganizationRequest {
  name: string;
  /** First day of the new map (YYYY-MM-DD). */
  effectiveDate: string;
  merges: MergeRow[];
  /** Old commune → the new unit that takes its in-flight dossiers (for communes split between new units). */
  overrides?: Record<string, string>;
  dryRun: boolean;
  appliedBy: string;
  /** Recorded in the audit log with the applied plan. */
  by: AuditActor;
}

export interface ReorganizationSummary {
  name: string;
  effectiveDate: string;
  dryRun: boolean;
  alreadyApplied: boolean;
  units: { created: number; continued: number; closed: number; districtsClosed: number };
  agencies: { closed: number; created: number; mapped: number };
  /** Dossiers whose current agency changed. */
  dossiersMoved: number;
  /** Dossiers whose remaining route changed (moved ones included). */
  dossiersRerouted: number;
  /** Closed agency → how many in-flight dossiers leave it. */
  movedFrom: Record<string, number>;
  /** New agency → how many in-flight dossiers arrive. */
  movedTo: Record<string, number>;
}

class DryRunRollback extends Error {
  constructor(readonly summary: ReorganizationSummary) {
    super('dry run');
  }
}

const typeOf = (name: string) => (name.startsWith('Phường') ? 'Phường' : name.startsWith('Thị trấn') ? 'Thị trấn' : 'Xã');

/**
 * Applies the switch to two levels: new communes (continuing codes keep a version history), districts and merged
 * communes closed with successor links, agencies closed and new ones created, in-flight dossiers moved to the
 * successor agencies (code, history and rule set unchanged) with an event, an SMS and a national-portal push.
 * One transaction. The dry run runs the same code and rolls back, so it reports exactly what would change.
 */
@Injectable()
export class ReorganizationService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly audit: AuditLog,
  ) {}

  async apply(req: ReorganizationRequest): Promise<ReorganizationSummary> {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(req.effectiveDate)) throw DomainError.validation([{ field: 'effectiveDate', message: 'must be a date YYYY-MM-DD' }]);
    const plan = planMerges(req.merges, req.overrides ?? {});
    try {
      return await this.db.transaction(async (em) => {
        const existing = await em.getRepository(ReorganizationEntity).findOneBy({ name: req.name });
        if (existing) return { ...(existing.summary as unknown as ReorganizationSummary), dryRun: req.dryRun, alreadyApplied: true };
        // One reorganisation at a time.
        await em.query(`SELECT pg_advisory_xact_lock(hashtext('dvc-reorganization'))`);
        const summary = await this.run(em, req, plan);
        if (req.dryRun) throw new DryRunRollback(summary);
        const saved = await em.getRepository(ReorganizationEntity).save({ name: req.name, effectiveDate: req.effectiveDate, overrides: req.overrides ?? {}, summary: summary as unknown as Record<string, unknown>, appliedBy: req.appliedBy });
        await this.audit.record(em, { by: req.by, entity: 'reorganization', entityId: saved.id, action: 'apply', after: { name: req.name, effectiveDate: req.effectiveDate, overrides: req.overrides ?? {}, summary } });
        return summary;
      });
    } catch (error) {
      if (error instanceof DryRunRollback) return error.summary;
      throw error;
    }
  }

  private async run(em: EntityManager, req: ReorganizationRequest, plan: ReturnType<typeof planMerges>): Promise<ReorganizationSummary> {
    const eff = req.effectiveDate;
    const dayBefore = addDaysYmd(eff, -1);
    const city = await em.getRepository(UnitEntity).findOneOrFail({ where: { parentCode: IsNull(), validTo: IsNull() } });
    const reorganizationId = (await em.query(`SELECT gen_random_uuid() AS id`))[0].id as string;
    const newCodes = new Set(plan.newUnits.map((u) => u.code));
    const oldCodes = [...plan.successorOf.keys()];
    const districts = (await em.getRepository(UnitEntity).findBy({ parentCode: city.code, level: 'district', validTo: IsNull() })).map((d) => d.code);

    // Units: continuing codes keep their old version as history; the rest of the old communes and the districts close.
    const current = await em.getRepository(UnitEntity).findBy({ code: In([...newCodes]) });
    const continuing = new Set(current.map((u) => u.code));
    for (const u of current) {
      await em.query(`INSERT INTO unit_versions (code, name, type, level, parent_code, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [u.code, u.name, u.type, u.level, u.parentCode, u.validFrom, dayBefore]);
    }
    for (const n of plan.newUnits) {
      await em.query(
        `INSERT INTO units (code, name, type, level, parent_code, valid_from) VALUES ($1, $2, $3, 'commune', $4, $5)
         ON CONFLICT (code) DO UPDATE SET name = $2, type = $3, level = 'commune', parent_code = $4, valid_from = $5, valid_to = NULL, office_hours = NULL`,
        [n.code, n.name, typeOf(n.name), city.code, eff],
      );
    }
    const closedCommunes = oldCodes.filter((c) => !newCodes.has(c));
    await em.query(`UPDATE units SET valid_to = $2 WHERE code = ANY($1) AND valid_to IS NULL`, [closedCommunes, dayBefore]);
    await em.query(`UPDATE units SET valid_to = $2 WHERE code = ANY($1) AND valid_to IS NULL`, [districts, dayBefore]);
    for (const n of plan.newUnits) {
      for (const o of n.olds) {
        await em.query(`INSERT INTO unit_successions (old_code, new_code, merge_type, receives_dossiers, effective_date, reorganization_id) VALUES ($1, $2, $3, $4, $5, $6)`,
          [o.code, n.code, o.mergeType, plan.successorOf.get(o.code) === n.code, eff, reorganizationId]);
      }
    }

    // Agencies: the old communes' and districts' close; the new communes get theirs.
    const closing = await em.getRepository(AgencyEntity).find({ where: { unitCode: In([...oldCodes, ...districts]), validTo: IsNull() } });
    const created = deriveTwoLevelAgencies(plan.newUnits);
    for (const a of created) {
      await em.query(`INSERT INTO agencies (code, name, kind, sectors, unit_code, receives, scope_code, valid_from) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
        [a.code, a.name, a.kind, a.sectors, a.unitCode, a.receives, a.scopeCode, eff]);
    }
    const agencyOf = (unitCode: string, sector: PlannedStep['sector']) =>
      created.find((a) => a.unitCode === unitCode && (sector === 'general' ? a.kind === 'people_committee' : a.sectors.includes(sector)))
      ?? created.find((a) => a.unitCode === unitCode && a.kind === 'people_committee')!;
    let mapped = 0;
    for (const a of closing) {
      const successorUnit = plan.successorOf.get(a.unitCode);
      const successor = successorUnit ? agencyOf(successorUnit, a.sectors[0]) : null;
      if (successor) mapped += 1;
      await em.query(`UPDATE agencies SET valid_to = $2, successor_code = $3, receives = false WHERE code = $1`, [a.code, dayBefore, successor?.code ?? null]);
    }

    // In-flight dossiers at a closing agency move on; steps already done keep the old agencies as history.
    const closingCodes = closing.map((a) => a.code);
    const departments = await em.getRepository(AgencyEntity).find({ where: { unitCode: city.code, validTo: IsNull() } });
    const firstNewUnitOfDistrict = new Map<string, string>();
    for (const n of plan.newUnits) {
      for (const o of n.olds) {
        const parent = (await em.getRepository(UnitEntity).findOneBy({ code: o.code }))?.parentCode;
        if (parent && !firstNewUnitOfDistrict.has(parent)) firstNewUnitOfDistrict.set(parent, plan.successorOf.get(o.code) ?? n.code);
      }
    }
    // Open dossiers now at a closing agency, or whose remaining steps pass through one (e.g. the return desk).
    const ids: { id: string }[] = await em.query(
      `SELECT id FROM dossiers d WHERE closed_at IS NULL AND (current_agency_code = ANY($1) OR EXISTS (
         SELECT 1 FROM jsonb_array_elements(d.route) s WHERE (s->>'index')::int >= d.step_index AND s->>'agencyCode' = ANY($1)))
       FOR UPDATE`,
      [closingCodes],
    );
    // A district has no single successor; its own dossiers (and reports) go to the new unit of its first commune.
    for (const [district, newCode] of firstNewUnitOfDistrict) {
      if (!districts.includes(district)) continue;
      await em.query(`INSERT INTO unit_successions (old_code, new_code, merge_type, receives_dossiers, effective_date, reorganization_id) VALUES ($1, $2, 'partial', true, $3, $4)`,
        [district, newCode, eff, reorganizationId]);
    }
    const dossiers = ids.length > 0 ? await em.getRepository(DossierEntity).findBy({ id: In(ids.map((r) => r.id)) }) : [];
    const movedFrom: Record<string, number> = {};
    const movedTo: Record<string, number> = {};
    for (const d of dossiers) {
      const home = plan.successorOf.get(d.receivingUnitCode) ?? firstNewUnitOfDistrict.get(d.receivingUnitCode) ?? created[0].unitCode;
      const route = d.route.map((step): PlannedStep => {
        if (step.index < d.stepIndex || !closingCodes.includes(step.agencyCode)) return step;
        const level = step.level === 'district' ? districtStepTarget(step.sector) : step.level;
        if (level === 'city') {
          const dep = departments.find((a) => (step.sector === 'general' ? a.kind === 'people_committee' : a.sectors.includes(step.sector)));
          return dep ? { ...step, agencyCode: dep.code, scopeCode: dep.scopeCode } : step;
        }
        const agency = agencyOf(home, step.sector === 'one_stop' ? 'one_stop' : step.sector);
        return { ...step, level, agencyCode: agency.code, scopeCode: agency.scopeCode };
      });
      const to = route[d.stepIndex];
      const result = await em.createQueryBuilder().update(DossierEntity)
        .set({ route, currentAgencyCode: to.agencyCode, currentScopeCode: to.scopeCode, assigneeId: null })
        .where('id = :id AND version = :version', { id: d.id, version: d.version }).execute();
      if (!result.affected) throw new DomainError(DomainErrorCode.VersionConflict, `Dossier ${d.code} changed during the reorganisation; run it again.`);
      const event = await em.getRepository(DossierEventEntity).save({
        dossierId: d.id, action: 'reorganize', actorKind: 'system', actorId: null, actorName: req.appliedBy, actorRole: 'system',
        fromStatus: d.status, toStatus: d.status, fromAgencyCode: d.currentAgencyCode, toAgencyCode: to.agencyCode,
        note: `Sắp xếp đơn vị hành chính: ${req.name}`, data: { reorganization: req.name, effectiveDate: eff, controlSlip: true }, at: new Date(),
      });
      if (to.agencyCode === d.currentAgencyCode) continue;
      const newName = created.find((a) => a.code === to.agencyCode)?.name ?? to.agencyCode;
      await writeOutbox(em, [
        { topic: 'sms', kind: 'dossier_moved', dossierCode: d.code, payload: { to: d.applicantPhone, template: 'dossier_moved', variables: { code: d.code, agencyName: newName } } },
        { topic: 'national_portal', kind: 'dossier_sync', dossierCode: d.code, payload: { dossierCode: d.code, eventId: event.id, status: d.status, nationalStatus: NATIONAL_STATUS[d.status] } },
      ]);
      movedFrom[d.currentAgencyCode] = (movedFrom[d.currentAgencyCode] ?? 0) + 1;
      movedTo[to.agencyCode] = (movedTo[to.agencyCode] ?? 0) + 1;
    }

    return {
      name: req.name, effectiveDate: eff, dryRun: req.dryRun, alreadyApplied: false,
      units: { created: plan.newUnits.length - continuing.size, continued: continuing.size, closed: closedCommunes.length, districtsClosed: districts.length },
      agencies: { closed: closing.length, created: created.length, mapped },
      dossiersMoved: Object.values(movedTo).reduce((s, n) => s + n, 0), dossiersRerouted: dossiers.length, movedFrom, movedTo,
    };
  }
}
