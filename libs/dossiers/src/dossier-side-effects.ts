import { EntityManager } from 'typeorm';
import { formatDdMmYyyy, NATIONAL_STATUS, type ApplicantNotice, type DossierStatus } from '@dvc/core';
import { insertSql, SqlParams } from '@dvc/database';
import { outboxInsertSql, type OutboxEntry } from '@dvc/notifications';
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
  notice?: { kind: ApplicantNotice; variables?: Record<string, string | number> };
  /** The dossier is new: its row is inserted by the same statement (intake). */
  insertDossier?: boolean;
}

/**
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
  const outbox = outboxOf(dossier, event, options.notice);
  if (outbox.length > 0) parts.push(`side_effects AS (${outboxInsertSql(em, outbox, params)})`);
  const [saved]: { id: string }[] = await em.query(`WITH ${parts.join(',\n')} SELECT id FROM event`, params.values);
  return Object.assign(new DossierEventEntity(), row, { id: saved.id });
}

function outboxOf(dossier: DossierEntity, event: EventInput, notice: ChangeOptions['notice']): OutboxEntry[] {
  const outbox: OutboxEntry[] = [];
  if (notice) {
    outbox.push({
      topic: 'sms',
      kind: notice.kind,
      dossierCode: dossier.code,
      payload: {
        to: dossier.applicantPhone,
        template: notice.kind,
        agencyCode: dossier.receivingAgencyCode,
        variables: {
          code: dossier.code,
          ...(dossier.dueAt ? { dueDate: formatDdMmYyyy(dossier.dueAt) } : {}),
          ...notice.variables,
        },
      },
    });
  }
  if (event.fromStatus !== dossier.status) {
    outbox.push({
      topic: 'national_portal',
      kind: 'dossier_sync',
      dossierCode: dossier.code,
      payload: { dossierCode: dossier.code, status: dossier.status, nationalStatus: NATIONAL_STATUS[dossier.status] },
      payloadSql: { eventId: '(SELECT id::text FROM event)' },
    });
  }
  return outbox;
}
