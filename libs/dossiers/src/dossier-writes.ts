import { EntityManager } from 'typeorm';
import {
  decideTransition,
  DomainError,
  DomainErrorCode,
  feesDueAfter,
  formatDdMmYyyy,
  NATIONAL_STATUS,
  NOTICE_BY_ACTION,
  refundFallsDue,
  requestPaymentEffect,
  transitionPatch,
  type ActionEffect,
  type ApplicantNotice,
  type DossierAction,
  type DossierPatch,
  type DossierStatus,
  type PlannedStep,
} from '@dvc/core';
import { entityFromRow, insertSql, SqlParams } from '@dvc/database';
import { outboxInsertSql, paymentJob, portalPush, smsNotice, writeOutbox, type OutboxEntry } from '@dvc/outbox';
import { DossierEntity } from './dossier.entity';
import { DossierEventEntity } from './dossier-event.entity';

export interface EventInput {
  action: string;
  actor: { kind: 'citizen' | 'officer' | 'system'; id: string | null; name: string; title?: string | null; role: string | null };
  fromStatus: DossierStatus | null;
  fromAgencyCode: string | null;
  note?: string | null;
  data?: Record<string, unknown>;
  at: Date;
}

export interface ChangeOptions {
  /** The applicant's SMS, when the action tells them something. */
  notice?: { kind: ApplicantNotice | 'dossier_moved'; variables?: Record<string, string | number> };
  /** The dossier is new: its row is inserted by the same statement (intake). */
  insertDossier?: boolean;
  /** Push to the national portal although the status did not change (the dossier moved to another agency). */
  sync?: boolean;
}

/**
 * The dossiers lib is the only writer of dossiers, their events and the outbox rows they cause: intake inserts
 * (recordChange with insertDossier), actions update then record, and a reorganisation reroutes (rerouteDossier).
 *
 * Everything that must commit with a change of the dossier — its event, the applicant's SMS when the action tells
 * them something, a national-portal push whenever the status changed, and for a new dossier its row — written by
 * one statement (data-modifying CTEs): atomic on its own, and one round trip inside a larger transaction.
 */
export async function recordChange(em: EntityManager, dossier: DossierEntity, event: EventInput, options: ChangeOptions = {}): Promise<DossierEventEntity> {
  const params = new SqlParams();
  const row: Omit<DossierEventEntity, 'id'> = {
    dossierId: dossier.id,
    action: event.action,
    actorKind: event.actor.kind,
    actorId: event.actor.id,
    actorName: event.actor.name,
    actorTitle: event.actor.title ?? null,
    actorRole: event.actor.role,
    fromStatus: event.fromStatus,
    toStatus: dossier.status,
    fromAgencyCode: event.fromAgencyCode,
    toAgencyCode: dossier.currentAgencyCode,
    note: event.note ?? null,
    data: event.data ?? {},
    at: event.at,
  };
  const parts: string[] = [];
  if (options.insertDossier) parts.push(`new_dossier AS (${insertSql(em.connection.getMetadata(DossierEntity), [dossier], params)})`);
  parts.push(`event AS (${insertSql(em.connection.getMetadata(DossierEventEntity), [row], params)} RETURNING id)`);
  const outbox = outboxOf(dossier, event, options);
  if (outbox.length > 0) parts.push(`side_effects AS (${outboxInsertSql(em, outbox, params)})`);
  const [saved]: { id: string }[] = await em.query(`WITH ${parts.join(',\n')} SELECT id FROM event`, params.values);
  return Object.assign(new DossierEventEntity(), row, { id: saved.id });
}

function outboxOf(dossier: DossierEntity, event: EventInput, { notice, sync }: ChangeOptions): OutboxEntry[] {
  const outbox: OutboxEntry[] = [];
  if (notice) {
    outbox.push(
      smsNotice(
        notice.kind,
        {
          to: dossier.applicantPhone,
          template: notice.kind,
          agencyCode: dossier.receivingAgencyCode,
          variables: { code: dossier.code, ...(dossier.dueAt ? { dueDate: formatDdMmYyyy(dossier.dueAt) } : {}), ...notice.variables },
        },
        { dossierCode: dossier.code },
      ),
    );
  }
  if (event.fromStatus !== dossier.status || sync) {
    outbox.push(
      portalPush(
        'dossier_sync',
        { dossierCode: dossier.code, status: dossier.status, nationalStatus: NATIONAL_STATUS[dossier.status] },
        { payloadSql: { eventId: '(SELECT id::text FROM event)' } },
      ),
    );
  }
  return outbox;
}

/**
 * The version-checked UPDATE of a dossier row, answering the row as written (RETURNING: a flag the deadline sweep
 * set without touching the version is in it); a stale version is a 409 with `conflict` as its detail.
 */
export async function updateDossier(em: EntityManager, dossier: DossierEntity, patch: Partial<DossierEntity>, conflict: string): Promise<DossierEntity> {
  const result = await em
    .createQueryBuilder()
    .update(DossierEntity)
    .set(patch)
    .where('id = :id AND version = :version', { id: dossier.id, version: dossier.version })
    .returning('*')
    .execute();
  const [row] = result.raw as Record<string, unknown>[];
  if (!row) throw new DomainError(DomainErrorCode.VersionConflict, conflict);
  return entityFromRow<DossierEntity>(em.connection.getMetadata(DossierEntity), row);
}

export interface Reroute {
  /** The whole route, remaining steps at their new agencies; the current step decides where the dossier is. */
  route: PlannedStep[];
  /** The new current agency's name, for the applicant's SMS when the dossier moved. */
  agencyName: string;
  actorName: string;
  note: string;
  data: Record<string, unknown>;
  at: Date;
}

/**
 * A dossier rerouted by a reorganisation: its route, current agency and scope change (version-checked, the
 * assignee cleared), status, code, history and deadlines stay. The event is a `reorganize`; when the current
 * agency changed the applicant gets a `dossier_moved` SMS and the national portal a push.
 */
export async function rerouteDossier(em: EntityManager, dossier: DossierEntity, change: Reroute): Promise<{ dossier: DossierEntity; moved: boolean }> {
  const to = change.route[dossier.stepIndex];
  const updated = await updateDossier(
    em,
    dossier,
    { route: change.route, currentAgencyCode: to.agencyCode, currentScopeCode: to.scopeCode, assigneeId: null },
    `Dossier ${dossier.code} changed during the reorganisation; run it again.`,
  );
  const moved = to.agencyCode !== dossier.currentAgencyCode;
  await recordChange(
    em,
    updated,
    {
      action: 'reorganize',
      actor: { kind: 'system', id: null, name: change.actorName, role: 'system' },
      fromStatus: dossier.status,
      fromAgencyCode: dossier.currentAgencyCode,
      note: change.note,
      data: change.data,
      at: change.at,
    },
    moved ? { notice: { kind: 'dossier_moved', variables: { agencyName: change.agencyName } }, sync: true } : {},
  );
  return { dossier: updated, moved };
}

export const SYSTEM_ACTOR: EventInput['actor'] = { kind: 'system', id: null, name: 'system', role: 'system' };

export interface Transition {
  action: DossierAction;
  actor: EventInput['actor'];
  /** Every column written: the action's effect with the transition's own (transitionPatch). */
  patch: DossierPatch;
  effect: ActionEffect;
  at: Date;
}

/**
 * One state change of a dossier read at `dossier.version`: the version-checked UPDATE, then its event and outbox rows
 * (recordChange), and the refund when a paid dossier ends without a result. Inside the caller's transaction.
 */
export async function writeTransition(em: EntityManager, dossier: DossierEntity, t: Transition): Promise<DossierEntity> {
  // The row as written (RETURNING): the deadline sweep may have changed its flag since it was read.
  const updated = await updateDossier(em, dossier, t.patch, 'Someone else changed this dossier a moment ago; reload and try again.');
  const notice = NOTICE_BY_ACTION[t.action];
  await recordChange(
    em,
    updated,
    {
      action: t.action,
      actor: t.actor,
      fromStatus: dossier.status,
      fromAgencyCode: dossier.currentAgencyCode,
      note: t.effect.note,
      data: t.effect.data,
      at: t.at,
    },
    notice ? { notice: { kind: notice, variables: t.effect.variables } } : {},
  );
  if (refundFallsDue(dossier, updated)) {
    await writeOutbox(
      em,
      paymentJob('refund_due', { dossierId: updated.id, dossierCode: updated.code, reason: updated.status }, { dossierCode: updated.code }),
    );
  }
  return updated;
}

/**
 * The fees that fall due by themselves after `action` (feesDueAfter): the system asks for them as a second state
 * change in the same transaction, so the action and the request commit together or not at all.
 */
export async function requestFeesDue(em: EntityManager, action: DossierAction, dossier: DossierEntity, now: Date): Promise<DossierEntity> {
  const amount = feesDueAfter(action, dossier);
  if (amount === 0) return dossier;
  const decision = decideTransition({ status: dossier.status, action: 'request_payment', role: 'system', resumeStatus: dossier.resumeStatus });
  if (!decision.ok) throw decision.error;
  const effect = requestPaymentEffect(dossier, { version: dossier.version, amount }, { role: 'system', holdsLeaderRole: false });
  return writeTransition(em, dossier, {
    action: 'request_payment',
    actor: SYSTEM_ACTOR,
    patch: transitionPatch(dossier, decision, effect.patch, now, null),
    effect,
    at: now,
  });
}
