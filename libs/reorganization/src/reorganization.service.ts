import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, LessThanOrEqual } from 'typeorm';
import {
  DomainError,
  DomainErrorCode,
  isPlanDue,
  isValidYmd,
  lastDueDate,
  planMerges,
  refuseBadOfficerMapping,
  takesEffectAt,
  type MergeRow,
  type OfficerMapping,
} from '@dvc/core';
import { AuditLog, type AuditActor } from '@dvc/audit';
import { ReorganizationEntity, UnitsService } from '@dvc/units';
import { switchMap, type ReorganizationPlan, type SwitchSummary } from './reorganization-run';
import { ReorganizationReadModel } from './reorganization.read-model';

export interface ReorganizationRequest {
  name: string;
  /** First day of the new map (YYYY-MM-DD). */
  effectiveDate: string;
  merges: MergeRow[];
  overrides?: Record<string, string>;
  officers?: OfficerMapping;
  /** Report what the switch would change, change nothing. */
  dryRun: boolean;
  requestedBy: string;
  /** Recorded in the audit log with the plan when it is scheduled. */
  by: AuditActor;
}

export interface ReorganizationAnswer extends Partial<SwitchSummary> {
  name: string;
  effectiveDate: string;
  /** `preview` for a dry run. */
  status: 'preview' | 'scheduled' | 'applied';
  takesEffectAt: string;
  appliedAt: string | null;
  dryRun: boolean;
  /** The name was applied before: nothing changed now. */
  alreadyApplied: boolean;
}

class DryRunRollback extends Error {
  constructor(readonly summary: SwitchSummary) {
    super('dry run');
  }
}

/** A scheduled plan takes effect by itself: the schedule (or a start-up) is the actor, on the requester's behalf. */
const SCHEDULE: AuditActor = { officerId: null, username: 'system:reorganization-schedule', address: null };

const LOCK = `SELECT pg_advisory_xact_lock(hashtext('dvc-reorganization'))`;

const planOf = (row: ReorganizationEntity): ReorganizationPlan => ({
  name: row.name,
  effectiveDate: row.effectiveDate,
  merges: row.merges as unknown as MergeRow[],
  overrides: row.overrides,
  officers: row.officerMapping as OfficerMapping,
});

/**
 * A reorganisation is requested (scheduled), and takes effect at 00:00 of its effective date: `applyDue` runs from
 * the worker's schedule and at every API and worker start, so a date that passed while everything was down takes
 * effect at the next start. Until then the old units receive as before. One plan is switched at a time (an
 * advisory lock) and each once (its status, read under the lock).
 */
@Injectable()
export class ReorganizationService {
  private readonly logger = new Logger('Reorganization');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly units: UnitsService,
    private readonly audit: AuditLog,
  ) {}

  async request(req: ReorganizationRequest, now = new Date()): Promise<ReorganizationAnswer> {
    if (!isValidYmd(req.effectiveDate)) throw DomainError.validation([{ field: 'effectiveDate', message: 'must be a date YYYY-MM-DD' }]);
    const plan: ReorganizationPlan = {
      name: req.name,
      effectiveDate: req.effectiveDate,
      merges: req.merges,
      overrides: req.overrides ?? {},
      officers: req.officers ?? {},
    };
    const merges = planMerges(plan.merges, plan.overrides);
    const read = new ReorganizationReadModel(this.db.manager);
    refuseBadOfficerMapping(plan.officers, new Set([...merges.successorOf.keys(), ...(await read.districtCodes((await read.city()).code))]));

    const existing = await this.db.getRepository(ReorganizationEntity).findOneBy({ name: req.name });
    if (existing?.status === 'applied') return { ...answerOf(existing), dryRun: req.dryRun, alreadyApplied: true };
    if (req.dryRun) return this.preview(existing ? planOf(existing) : plan, req.requestedBy, now);
    if (existing) return { ...answerOf(existing), dryRun: false, alreadyApplied: false };

    await this.db.transaction(async (em) => {
      await em.query(LOCK);
      const pending = await em.getRepository(ReorganizationEntity).findOneBy({ status: 'scheduled' });
      if (pending && pending.name !== req.name) {
        throw new DomainError(
          DomainErrorCode.Conflict,
          `Reorganisation "${pending.name}" is scheduled for ${pending.effectiveDate}; it must take effect first.`,
        );
      }
      const inserted: { id: string }[] = await em.query(
        `INSERT INTO reorganizations (name, effective_date, status, merges, overrides, officer_mapping, requested_by)
         VALUES ($1, $2, 'scheduled', $3, $4, $5, $6) ON CONFLICT (name) DO NOTHING RETURNING id`,
        [plan.name, plan.effectiveDate, JSON.stringify(plan.merges), JSON.stringify(plan.overrides), JSON.stringify(plan.officers), req.requestedBy],
      );
      if (inserted.length > 0) {
        await this.audit.record(em, {
          by: req.by,
          entity: 'reorganization',
          entityId: inserted[0].id,
          action: 'schedule',
          after: { name: plan.name, effectiveDate: plan.effectiveDate, merges: plan.merges.length, overrides: plan.overrides, officers: plan.officers },
        });
      }
    });
    if (isPlanDue({ effectiveDate: plan.effectiveDate, status: 'scheduled' }, now)) await this.applyDue(now);
    const row = await this.db.getRepository(ReorganizationEntity).findOneByOrFail({ name: req.name });
    return { ...answerOf(row), dryRun: false, alreadyApplied: false };
  }

  /** Applies every scheduled plan whose first minute has come, oldest first; a no-op when there is none. */
  async applyDue(now = new Date()): Promise<string[]> {
    return this.db.transaction(async (em) => {
      await em.query(LOCK);
      const due = await em.getRepository(ReorganizationEntity).find({
        where: { status: 'scheduled', effectiveDate: LessThanOrEqual(lastDueDate(now)) },
        order: { effectiveDate: 'ASC', requestedAt: 'ASC' },
      });
      for (const row of due) await this.applyOne(em, row, now);
      return due.map((r) => r.name);
    });
  }

  /** applyDue that logs instead of throwing, for start-up and the schedule. */
  async applyDueQuietly(now = new Date()): Promise<string[]> {
    try {
      const applied = await this.applyDue(now);
      if (applied.length > 0) this.logger.log(`reorganisations applied: ${applied.join(', ')}`);
      return applied;
    } catch (error) {
      this.logger.warn(`due reorganisations not applied: ${(error as Error).message}`);
      return [];
    }
  }

  async list(): Promise<ReorganizationAnswer[]> {
    const rows = await this.db.getRepository(ReorganizationEntity).find({ order: { effectiveDate: 'ASC', requestedAt: 'ASC' } });
    return rows.map((row) => {
      const { moves: _moves, ...counts } = (row.summary ?? {}) as Partial<SwitchSummary>;
      return { ...answerOf(row), ...counts, dryRun: false, alreadyApplied: row.status === 'applied' };
    });
  }

  private async applyOne(em: EntityManager, row: ReorganizationEntity, now: Date): Promise<void> {
    const summary = await switchMap(em, this.units, planOf(row), row.requestedBy, now);
    await em.query(`UPDATE reorganizations SET status = 'applied', summary = $2, applied_by = $3, applied_at = $4 WHERE id = $1`, [
      row.id,
      JSON.stringify(summary),
      row.requestedBy,
      now,
    ]);
    const { moves: _moves, ...counts } = summary;
    await this.audit.record(em, {
      by: SCHEDULE,
      entity: 'reorganization',
      entityId: row.id,
      action: 'apply',
      before: { status: 'scheduled' },
      after: { status: 'applied', name: row.name, effectiveDate: row.effectiveDate, requestedBy: row.requestedBy, ...counts },
    });
  }

  /** The same switch in a transaction that is rolled back, so it reports exactly what would change. */
  private async preview(plan: ReorganizationPlan, requestedBy: string, now: Date): Promise<ReorganizationAnswer> {
    try {
      await this.db.transaction(async (em) => {
        await em.query(LOCK);
        throw new DryRunRollback(await switchMap(em, this.units, plan, requestedBy, now));
      });
    } catch (error) {
      if (!(error instanceof DryRunRollback)) throw error;
      return {
        name: plan.name,
        effectiveDate: plan.effectiveDate,
        status: 'preview',
        takesEffectAt: takesEffectAt(plan.effectiveDate).toISOString(),
        appliedAt: null,
        dryRun: true,
        alreadyApplied: false,
        ...error.summary,
      };
    }
    throw new Error('unreachable: the dry run always rolls back');
  }
}

function answerOf(row: ReorganizationEntity): Omit<ReorganizationAnswer, 'dryRun' | 'alreadyApplied'> {
  return {
    name: row.name,
    effectiveDate: row.effectiveDate,
    status: row.status,
    takesEffectAt: takesEffectAt(row.effectiveDate).toISOString(),
    appliedAt: row.appliedAt ? row.appliedAt.toISOString() : null,
    ...((row.summary ?? {}) as Partial<SwitchSummary>),
  };
}
