import { EntityManager } from 'typeorm';
import { formatDdMmYyyy, NATIONAL_STATUS, type ApplicantNotice, type DossierStatus } from '@dvc/core';
import { writeOutbox, type OutboxEntry } from '@dvc/notifications';
import { DossierEntity } from './dossier.entity';
import { DossierEventEntity } from './dossier-event.entity';

export interface EventInput {
  action: string;
  actor: { kind: 'citizen' | 'officer' | 'system'; id: string | null; name: string; role: string | null };
  fromStatus: DossierStatus | null;
  fromAgencyCode: string | null;
  note?: string | null;
  data?: Record<string, unknown>;
  at: Date;
}

/**
 * Everything that must commit with a change of the dossier: its event, the applicant's SMS when the action
 * tells them something, and a national-portal push whenever the status changed.
 */
export async function recordChange(
  em: EntityManager,
  dossier: DossierEntity,
  event: EventInput,
  notice?: { kind: ApplicantNotice; variables?: Record<string, string | number> },
): Promise<DossierEventEntity> {
  const saved = await em.getRepository(DossierEventEntity).save({
    dossierId: dossier.id,
    action: event.action,
    actorKind: event.actor.kind,
    actorId: event.actor.id,
    actorName: event.actor.name,
    actorRole: event.actor.role,
    fromStatus: event.fromStatus,
    toStatus: dossier.status,
    fromAgencyCode: event.fromAgencyCode,
    toAgencyCode: dossier.currentAgencyCode,
    note: event.note ?? null,
    data: event.data ?? {},
    at: event.at,
  });
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
      payload: { dossierCode: dossier.code, eventId: saved.id, status: dossier.status, nationalStatus: NATIONAL_STATUS[dossier.status] },
    });
  }
  await writeOutbox(em, outbox);
  return saved;
}
