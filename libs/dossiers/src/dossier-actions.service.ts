import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { CalendarService } from '@dvc/calendar';
import { procedureAtVersion, type ProcedureEntity } from '@dvc/catalog';
import {
  aboveAssessmentProblem, actionFromSlug, approvalStepIndex, computeFees, feesForChannel, decideExtension, decideSupplementRequest, deriveFeeTotals, parseS10, resultReturnErrors, requestedAmountProblem, decideTransition, DomainError, DomainErrorCode, feesDueAfter, formatDdMmYyyy, formatVnd, NOTICE_BY_ACTION, ruleSetAt, transferTarget,
  CLOSED_STATUSES, PROCESSING_ENDED_STATUSES, REFUNDABLE_STATUSES,
  type ActorRole, type DossierAction, type DossierStatus, type OfficerRole, type Principal, type WorkingCalendar,
} from '@dvc/core';
import { FILE_STORE, FilesService, type FileStore } from '@dvc/files';
import { OfficerEntity, officerSignature } from '@dvc/identity';
import { AgencyEntity } from '@dvc/units';
import type { ActionInput } from './action-inputs';
import { DossierComponent, DossierEntity } from './dossier.entity';
import { cleanActionInput } from './clean-submission';
import { recordChange } from './dossier-writes';
import { validateForm } from './form-validator';
import { IntakeService } from './intake.service';
import { ResultSigningService } from './result-signing.service';
import { writeOutbox } from '@dvc/notifications';
import { entityFromRow } from '@dvc/database';
import { CITIZEN_REACHES_DOSSIER, citizenAccessParams } from './citizen-access';

interface Effect {
  patch: Partial<DossierEntity>;
  note?: string | null;
  data?: Record<string, unknown>;
  variables?: Record<string, string | number>;
}

type Actor = { kind: 'citizen' | 'officer' | 'system'; id: string | null; name: string; title?: string | null; role: ActorRole };

interface Ctx {
  dossier: DossierEntity;
  procedure: ProcedureEntity;
  principal: Principal | null;
  role: ActorRole;
  to: DossierStatus;
  input: ActionInput;
  now: Date;
  calendar: () => Promise<WorkingCalendar>;
  /** File-store keys written in this transaction (signed results), removed if it does not commit. */
  stored: string[];
}

/** The roles that act on dossiers (a unit administrator manages accounts only). */
const OFFICER_ROLE_ORDER = ['receiving_officer', 'specialist', 'leader', 'admin'] as const satisfies readonly OfficerRole[];
const CLOSING: ReadonlySet<DossierStatus> = new Set(CLOSED_STATUSES);
const ENDING_PROCESSING: ReadonlySet<DossierStatus> = new Set(PROCESSING_ENDED_STATUSES);
const REFUNDABLE: ReadonlySet<DossierStatus> = new Set(REFUNDABLE_STATUSES);


const required = (value: string | undefined, field: string): string => {
  if (!value || !value.trim()) throw DomainError.validation([{ field, message: 'is required for this action' }]);
  return value.trim();
};

@Injectable()
export class DossierActionsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly calendars: CalendarService,
    private readonly intake: IntakeService,
    private readonly files: FilesService,
    private readonly results: ResultSigningService,
    @Inject(FILE_STORE) private readonly store: FileStore,
  ) {}

  /** Officers act only on dossiers now at their scope; applicants only on their own. Anything else is 404. */
  async perform(principal: Principal, code: string, slug: string, input: ActionInput): Promise<DossierEntity> {
    const action = actionFromSlug(slug);
    if (!action) throw DomainError.notFound(`Action ${slug}`);
    const dossier = await this.findActionable(principal, code);
    if (!dossier) throw DomainError.notFound(`Dossier ${code}`);
    // A stale version first: the status and role rules are judged against a dossier the caller has not seen.
    if (input.version !== dossier.version) {
      throw new DomainError(DomainErrorCode.VersionConflict, `The dossier changed since you loaded it (version ${dossier.version}, you sent ${input.version}); reload and try again.`);
    }
    const role = this.roleFor(principal, action, dossier);
    const actor = await this.actorOf(principal, role, dossier);
    const stored: string[] = [];
    try {
      return await this.db.transaction((em) => this.apply(em, dossier, action, role, actor, principal, cleanActionInput(input), stored));
    } catch (error) {
      await Promise.all(stored.map((key) => this.store.remove(key).catch(() => undefined)));
      throw error;
    }
  }

  /** After a desk registration (received at once): ask for the fees due before processing, if any. */
  async requestFeesDueOnReception(dossierId: string): Promise<void> {
    await this.db.transaction(async (em) => {
      const dossier = await em.getRepository(DossierEntity).findOne({ where: { id: dossierId }, lock: { mode: 'pessimistic_write' } });
      const owed = dossier ? feesDueAfter('accept', dossier) : 0;
      if (dossier && owed > 0) {
        await this.apply(em, dossier, 'request_payment', 'system', { kind: 'system', id: null, name: 'system', role: 'system' }, null, { version: dossier.version, amount: owed });
      }
    });
  }

  /**
   * A transition the system itself takes (a payment confirmed by the gateway), inside the caller's transaction so
   * both commit together. The dossier row is locked first.
   */
  async performAsSystem(em: EntityManager, dossierId: string, action: DossierAction, input: Omit<ActionInput, 'version'> = {}, actorName = 'system'): Promise<DossierEntity> {
    const dossier = await em.getRepository(DossierEntity).findOne({ where: { id: dossierId }, lock: { mode: 'pessimistic_write' } });
    if (!dossier) throw DomainError.notFound(`Dossier ${dossierId}`);
    return this.apply(em, dossier, action, 'system', { kind: 'system', id: null, name: actorName, role: 'system' }, null, { ...input, version: dossier.version });
  }

  private async apply(
    em: EntityManager, dossier: DossierEntity, action: DossierAction, role: ActorRole, actor: Actor, principal: Principal | null, input: ActionInput,
    stored: string[] = [],
  ): Promise<DossierEntity> {
    const decision = decideTransition({ status: dossier.status, action, role, resumeStatus: dossier.resumeStatus });
    if (!decision.ok) throw decision.error;
    // The version the dossier was submitted under: a later fee or time change does not reach it.
    const procedure = await procedureAtVersion(em, dossier.procedureCode, dossier.procedureVersion);
    const now = new Date();
    let calendar: WorkingCalendar | undefined;
    const ctx: Ctx = {
      dossier, procedure, principal, role, to: decision.to, input, now, stored,
      calendar: async () => (calendar ??= await this.calendars.calendarFor(dossier.receivingUnitCode)),
    };
    const effect = await this.effectOf(action, ctx, em);
    const patch: Partial<DossierEntity> = { status: decision.to, ...effect.patch };
    if (decision.pausesClock && (patch.dueAt ?? dossier.dueAt)) patch.pausedAt = now;
    if (decision.resumesClock && dossier.pausedAt && dossier.dueAt) {
      const calendar = await ctx.calendar();
      patch.dueAt = calendar.extendByPause(patch.dueAt ?? dossier.dueAt, dossier.pausedAt, now);
      if (dossier.extendedDueAt) patch.extendedDueAt = calendar.extendByPause(dossier.extendedDueAt, dossier.pausedAt, now);
      patch.pausedAt = null;
    }
    if (ENDING_PROCESSING.has(decision.to) && !dossier.finishedAt) patch.finishedAt = now;
    // Withdrawn, refused or stopped while waiting: the wait ends with the dossier (its dossier_pauses span closes).
    if (ENDING_PROCESSING.has(decision.to) && dossier.pausedAt && patch.pausedAt === undefined) patch.pausedAt = null;
    if (CLOSING.has(decision.to) && !dossier.closedAt) patch.closedAt = now;

    // The row as written (RETURNING): the deadline sweep may have changed its flag since it was read.
    const result = await em.createQueryBuilder().update(DossierEntity).set(patch)
      .where('id = :id AND version = :version', { id: dossier.id, version: dossier.version }).returning('*').execute();
    const [row] = result.raw as Record<string, unknown>[];
    if (!row) {
      throw new DomainError(DomainErrorCode.VersionConflict, 'Someone else changed this dossier a moment ago; reload and try again.');
    }
    const updated = entityFromRow<DossierEntity>(em.connection.getMetadata(DossierEntity), row);
    const notice = NOTICE_BY_ACTION[action];
    await recordChange(em, updated, {
      action, actor, fromStatus: dossier.status, fromAgencyCode: dossier.currentAgencyCode, note: effect.note ?? null, data: effect.data, at: now,
    }, notice ? { notice: { kind: notice, variables: effect.variables } } : {});
    if (REFUNDABLE.has(updated.status) && updated.feesPaidVnd > 0 && !REFUNDABLE.has(dossier.status)) {
      await writeOutbox(em, { topic: 'payment', kind: 'refund_due', dossierCode: updated.code, payload: { dossierId: updated.id, dossierCode: updated.code, reason: updated.status } });
    }
    const owed = feesDueAfter(action, updated);
    if (owed > 0) {
      return this.apply(em, updated, 'request_payment', 'system', { kind: 'system', id: null, name: 'system', role: 'system' }, null, { version: updated.version, amount: owed });
    }
    return updated;
  }

  private async findActionable(principal: Principal, code: string): Promise<DossierEntity | null> {
    const qb = this.db.getRepository(DossierEntity).createQueryBuilder('d').where('d.code = :code', { code });
    if (principal.kind === 'officer') qb.andWhere('d.current_scope_code = :scope', { scope: principal.scopeCode });
    else qb.andWhere(CITIZEN_REACHES_DOSSIER, citizenAccessParams(principal));
    return qb.getOne();
  }

  /** An officer holding several roles acts in the first one the rules allow for this action. */
  private roleFor(principal: Principal, action: DossierAction, dossier: DossierEntity): ActorRole {
    if (principal.kind === 'citizen') return 'applicant';
    const held = OFFICER_ROLE_ORDER.filter((r) => principal.roles.includes(r));
    if (held.length === 0) throw new DomainError(DomainErrorCode.Forbidden, 'Your roles do not act on dossiers.');
    return held.find((role) => decideTransition({ status: dossier.status, action, role, resumeStatus: dossier.resumeStatus }).ok) ?? held[0];
  }

  /** The event keeps the officer's full name and title as they are now (never the login name). */
  private async actorOf(principal: Principal, role: ActorRole, dossier: DossierEntity): Promise<Actor> {
    if (principal.kind === 'citizen') return { kind: 'citizen', id: principal.id, name: dossier.applicant.fullName, role };
    const signature = await officerSignature(this.db.manager, principal);
    return { kind: 'officer', id: principal.id, name: signature.fullName, title: signature.title, role };
  }

  private moveTo(dossier: DossierEntity, stepIndex: number): Partial<DossierEntity> {
    const step = dossier.route[stepIndex];
    return { stepIndex, currentAgencyCode: step.agencyCode, currentScopeCode: step.scopeCode };
  }

  private async effectOf(action: DossierAction, c: Ctx, em: EntityManager): Promise<Effect> {
    const { dossier, input, now } = c;
    switch (action) {
      case 'accept': {
        const dueAt = (await c.calendar()).dueDate(now, c.procedure.processingTime);
        return {
          patch: { receivedAt: now, dueAt, ruleSet: ruleSetAt(now), ...this.moveTo(dossier, 1) },
          note: input.note ?? null,
          data: { receipt: 'form_01', dueAt: dueAt.toISOString() },
        };
      }
      case 'request_supplement': {
        const e = decideSupplementRequest(
          { supplementRequests: dossier.supplementRequests, componentCodes: c.procedure.components.map((x) => x.code), procedureCode: c.procedure.code },
          { reason: input.reason, components: input.components, repeatReason: input.repeatReason },
        );
        return {
          patch: { resumeStatus: dossier.status, supplementRequests: e.supplementRequests },
          note: e.reason,
          data: { form: 'form_02', missingComponents: e.missing, ...(e.breach ? { breachOfOnceRule: true, repeatReason: e.repeatReason, request: e.supplementRequests } : {}) },
          variables: { reason: e.reason },
        };
      }
      case 'supplement': {
        const components = (input.components ?? []) as DossierComponent[];
        if (!c.principal) throw new DomainError(DomainErrorCode.Forbidden, 'Only a person can bring a supplement.');
        const owner = c.principal.kind === 'citizen' ? { kind: 'citizen' as const, id: c.principal.id } : { kind: 'officer' as const, id: c.principal.id };
        const errors = await this.intake.checkComponents(c.procedure, components, owner, false);
        const merged = new Map(dossier.components.map((x) => [x.code, x.fileIds]));
        for (const x of components) merged.set(x.code, [...new Set([...(merged.get(x.code) ?? []), ...x.fileIds])]);
        const form = input.form ? deriveFeeTotals(c.procedure.fees, { ...dossier.form, ...input.form }) : dossier.form;
        if (input.form) errors.push(...validateForm(c.procedure.code, c.procedure.formSchema, form));
        if (components.length === 0 && !input.form) errors.push({ field: 'components', message: 'bring at least one component or form change' });
        if (errors.length > 0) throw DomainError.validation(errors);
        // The fees follow the form (copies, pages); more owed before processing is then asked for (feesDueAfter).
        const fees = input.form ? computeFees(feesForChannel(c.procedure, dossier.channel), form) : null;
        return {
          patch: {
            resumeStatus: null, form, components: [...merged].map(([code, fileIds]) => ({ code, fileIds })),
            ...(fees ? { fees: fees.lines, feeTotalVnd: fees.totalVnd, feesBeforeVnd: fees.beforeVnd } : {}),
          },
          data: {
            components: components.map((x) => x.code), formChanged: Boolean(input.form),
            ...(fees && fees.totalVnd !== dossier.feeTotalVnd ? { feeTotalVnd: { from: dossier.feeTotalVnd, to: fees.totalVnd } } : {}),
          },
        };
      }
      case 'refuse': {
        const reason = required(input.reason, 'reason');
        return { patch: {}, note: reason, data: { form: 'form_03' }, variables: { reason } };
      }
      case 'assign': {
        const officerId = required(input.officerId, 'officerId');
        const officer = await this.db.getRepository(OfficerEntity).createQueryBuilder('o')
          .innerJoin(AgencyEntity, 'a', 'a.code = o.agency_code')
          .where('o.id = :id AND o.active AND a.scope_code = :scope AND :role = ANY(o.roles)', { id: officerId, scope: dossier.currentScopeCode, role: 'specialist' })
          .getOne();
        if (!officer) throw DomainError.validation([{ field: 'officerId', message: 'is not an active specialist where the dossier now is' }]);
        return { patch: { assigneeId: officer.id }, note: input.note ?? null, data: { assignee: { id: officer.id, username: officer.username, fullName: officer.fullName } } };
      }
      case 'transfer': {
        const to = required(input.toAgencyCode, 'toAgencyCode');
        const target = transferTarget(dossier.route, dossier.stepIndex, to);
        if (target === null || to === dossier.currentAgencyCode) {
          throw DomainError.validation([{ field: 'toAgencyCode', message: `the workflow of ${dossier.procedureCode} does not pass the dossier to ${to} from here` }]);
        }
        return { patch: { ...this.moveTo(dossier, target), assigneeId: null }, note: input.note ?? null, data: { controlSlip: true, toStep: dossier.route[target].code } };
      }
      case 'propose': {
        if (c.principal?.kind !== 'officer' || dossier.assigneeId !== c.principal.id) {
          throw new DomainError(DomainErrorCode.Forbidden, 'Only the specialist the dossier is assigned to may propose its result.');
        }
        const note = required(input.note, 'note');
        const outcome = input.outcome;
        if (outcome !== 'grant' && outcome !== 'deny') throw DomainError.validation([{ field: 'outcome', message: 'must be grant or deny' }]);
        const resultFileIds = input.resultFileIds ?? [];
        const owned = new Set((await this.files.findOwned(resultFileIds, { kind: 'officer', id: c.principal!.id })).map((f) => f.id));
        const foreign = resultFileIds.map((id, i) => ({ id, i })).filter(({ id }) => !owned.has(id));
        if (foreign.length > 0) throw DomainError.validation(foreign.map(({ i }) => ({ field: `resultFileIds[${i}]`, message: 'is not a file you uploaded' })));
        const proposal = { outcome, note, resultFileIds, stepIndex: dossier.stepIndex, proposedBy: c.principal.id, proposedAt: now.toISOString() };
        return { patch: { proposal, ...this.moveTo(dossier, approvalStepIndex(dossier.route)) }, note, data: { outcome } };
      }
      case 'approve': {
        if (!dossier.proposal) throw new DomainError(DomainErrorCode.TransitionNotAllowed, 'There is no proposal to approve.');
        const proposal = dossier.proposal;
        const signer = c.principal?.kind === 'officer' ? { officerId: c.principal.id, agencyCode: c.principal.agencyCode } : null;
        const resultFileIds = signer ? await this.results.signResults(em, dossier, signer, c.stored, now) : proposal.resultFileIds;
        const signedProposal = resultFileIds === proposal.resultFileIds ? proposal : { ...proposal, resultFileIds, uploadedResultFileIds: proposal.resultFileIds };
        return { patch: { outcome: proposal.outcome, proposal: signedProposal, ...this.moveTo(dossier, dossier.route.length - 1) }, note: input.note ?? null, data: { outcome: proposal.outcome } };
      }
      case 'send_back': {
        const reason = required(input.reason, 'reason');
        const back = dossier.proposal?.stepIndex ?? Math.max(1, approvalStepIndex(dossier.route) - 1);
        return { patch: { ...this.moveTo(dossier, back) }, note: reason };
      }
      case 'request_payment': {
        const amount = input.amount ?? dossier.feeTotalVnd - dossier.feesPaidVnd;
        const problem = requestedAmountProblem(amount, dossier.feesPaidVnd);
        if (problem) throw DomainError.validation([{ field: 'amount', message: problem }]);
        // An officer who is also a leader may ask above the assessment even when the rules let them act in another role.
        const asLeader = c.principal?.kind === 'officer' && c.principal.roles.includes('leader');
        const aboveAssessment = aboveAssessmentProblem(amount, dossier, asLeader ? 'leader' : c.role);
        if (aboveAssessment) throw new DomainError(DomainErrorCode.Forbidden, aboveAssessment);
        return { patch: { resumeStatus: dossier.status, feesRequestedVnd: amount }, note: input.note ?? null, data: { amountVnd: amount }, variables: { amount: formatVnd(amount) } };
      }
      case 'confirm_payment': {
        const amount = input.amount ?? 0;
        if (!Number.isInteger(amount) || amount <= 0) throw DomainError.validation([{ field: 'amount', message: 'must be the positive whole VND amount received' }]);
        return { patch: { resumeStatus: null, feesPaidVnd: dossier.feesPaidVnd + amount }, note: input.note ?? null, data: { amountVnd: amount, paymentId: input.paymentId ?? null } };
      }
      case 'extend': {
        const e = decideExtension({ dueAt: dossier.dueAt, extendedDueAt: dossier.extendedDueAt }, input, now);
        return {
          patch: { extendedDueAt: e.extendedDueAt }, note: e.reason,
          data: { form: 'form_04', firstDueAt: dossier.dueAt!.toISOString(), previousDueAt: e.previousDueAt.toISOString(), newDueAt: e.extendedDueAt.toISOString() },
          variables: { reason: e.reason, newDueDate: formatDdMmYyyy(e.extendedDueAt) },
        };
      }
      case 'return_result': {
        const method = input.method;
        if (method !== 'desk' && method !== 'post' && method !== 'online') throw DomainError.validation([{ field: 'method', message: 'must be desk, post or online' }]);
        const postalErrors = resultReturnErrors(method, input.postalItemNumber);
        if (postalErrors.length > 0) throw DomainError.validation(postalErrors);
        const postal = method === 'post' ? parseS10(input.postalItemNumber!) : null;
        const itemNumber = postal?.ok ? postal.value : null;
        if (dossier.outcome === 'grant' && dossier.feesPaidVnd < dossier.feeTotalVnd) {
          throw new DomainError(DomainErrorCode.TransitionNotAllowed, `The result is held until the fees are paid (${formatVnd(dossier.feeTotalVnd - dossier.feesPaidVnd)} outstanding).`);
        }
        return {
          patch: { returnedAt: now, resultPostalItemNumber: itemNumber }, note: input.note ?? null,
          data: itemNumber ? { method, postalItemNumber: itemNumber } : { method },
        };
      }
      case 'withdraw':
        return { patch: { resumeStatus: null }, note: input.reason ?? null };
      case 'stop': {
        const reason = required(input.reason, 'reason');
        return { patch: { resumeStatus: null }, note: reason, data: { form: 'stop_notice' }, variables: { reason } };
      }
      case 'rate': {
        if (dossier.rating) throw new DomainError(DomainErrorCode.Conflict, 'This dossier has already been rated.');
        const rating = input.rating;
        if (rating !== 'very_satisfied' && rating !== 'satisfied' && rating !== 'unsatisfied') {
          throw DomainError.validation([{ field: 'rating', message: 'must be very_satisfied, satisfied or unsatisfied' }]);
        }
        const reason = rating === 'unsatisfied' ? required(input.reason, 'reason') : (input.reason?.trim() || null);
        return { patch: { rating: { rating, reason, ratedAt: now.toISOString() } }, note: reason, data: { rating } };
      }
    }
  }
}
