import type { EntityManager } from 'typeorm';
import {
  decideTransition, DomainError, DomainErrorCode, feesDueAfter, NOTICE_BY_ACTION, refundFallsDue, requestPaymentEffect, transitionPatch,
  type ActionEffect, type DossierAction, type DossierPatch,
} from '@dvc/core';
import { entityFromRow } from '@dvc/database';
import { writeOutbox } from '@dvc/notifications';
import { DossierEntity } from './dossier.entity';
import { recordChange, type EventInput } from './dossier-side-effects';

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
  const result = await em.createQueryBuilder().update(DossierEntity).set(t.patch)
    .where('id = :id AND version = :version', { id: dossier.id, version: dossier.version }).returning('*').execute();
  const [row] = result.raw as Record<string, unknown>[];
  if (!row) {
    throw new DomainError(DomainErrorCode.VersionConflict, 'Someone else changed this dossier a moment ago; reload and try again.');
  }
  const updated = entityFromRow<DossierEntity>(em.connection.getMetadata(DossierEntity), row);
  const notice = NOTICE_BY_ACTION[t.action];
  await recordChange(em, updated, {
    action: t.action, actor: t.actor, fromStatus: dossier.status, fromAgencyCode: dossier.currentAgencyCode, note: t.effect.note, data: t.effect.data, at: t.at,
  }, notice ? { notice: { kind: notice, variables: t.effect.variables } } : {});
  if (refundFallsDue(dossier, updated)) {
    await writeOutbox(em, { topic: 'payment', kind: 'refund_due', dossierCode: updated.code, payload: { dossierId: updated.id, dossierCode: updated.code, reason: updated.status } });
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
  return writeTransition(em, dossier, { action: 'request_payment', actor: SYSTEM_ACTOR, patch: transitionPatch(dossier, decision, effect.patch, now, null), effect, at: now });
}
