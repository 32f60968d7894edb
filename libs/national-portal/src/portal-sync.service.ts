import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { buildProgressPayload, buildSyncPayload, DomainError, toIsoWithOffset } from '@dvc/core';
import { DossierQueriesService } from '@dvc/dossiers';
import { payloadOf, portalPush, writeOutbox } from '@dvc/outbox';
import { PortalClient, PortalPushError } from './portal-client';
import { PortalSyncStateEntity } from './portal-sync-state.entity';

export const PORTAL_CLIENT = Symbol('PORTAL_CLIENT');

@Injectable()
export class PortalSyncService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(PORTAL_CLIENT) private readonly client: PortalClient,
    private readonly dossiers: DossierQueriesService,
  ) {}

  /**
   * Pushes the dossier's full current record (so the portal converges whatever the order of retries) and the
   * progress line of the event that caused this push. "Already exists" becomes an update inside the client.
   */
  async pushOutboxRow(outboxId: string): Promise<'pushed' | 'missing'> {
    const rows: { payload: unknown }[] = await this.db.query(`SELECT payload FROM outbox WHERE id = $1 AND topic = 'national_portal'`, [outboxId]);
    if (rows.length === 0) return 'missing';
    const { dossierCode, eventId } = payloadOf('national_portal', rows[0]);
    const snapshot = await this.dossiers.portalSnapshot(dossierCode);
    if (!snapshot) return 'missing';
    const full = buildSyncPayload(snapshot);
    const progress = eventId && snapshot.events.some((e) => e.id === String(eventId)) ? buildProgressPayload(snapshot, String(eventId)) : null;
    try {
      await this.client.push(full, progress);
    } catch (error) {
      await this.db.query(
        `INSERT INTO portal_sync_states (dossier_code, failures, last_error) VALUES ($1, 1, $2)
         ON CONFLICT (dossier_code) DO UPDATE SET failures = portal_sync_states.failures + 1, last_error = $2, updated_at = now()`,
        [dossierCode, (error as Error).message.slice(0, 500)],
      );
      if (error instanceof PortalPushError && !error.retryable) return 'pushed';
      throw error;
    }
    await this.db.query(
      `INSERT INTO portal_sync_states (dossier_code, last_event_id, last_national_status, last_pushed_at, pushes, last_error) VALUES ($1, $2, $3, now(), 1, NULL)
       ON CONFLICT (dossier_code) DO UPDATE SET last_event_id = GREATEST(portal_sync_states.last_event_id, EXCLUDED.last_event_id),
         last_national_status = EXCLUDED.last_national_status, last_pushed_at = now(), pushes = portal_sync_states.pushes + 1, last_error = NULL, updated_at = now()`,
      [dossierCode, eventId ?? null, full.TrangThaiHoSo],
    );
    return 'pushed';
  }

  async state(dossierCode: string) {
    const row = await this.db.getRepository(PortalSyncStateEntity).findOneBy({ dossierCode });
    if (!row && (await this.db.query(`SELECT 1 FROM dossiers WHERE code = $1`, [dossierCode])).length === 0)
      throw DomainError.notFound(`Dossier ${dossierCode}`);
    if (!row) return { dossierCode, pushes: 0, failures: 0, lastPushedAt: null, lastError: null, lastNationalStatus: null };
    return {
      dossierCode,
      pushes: row.pushes,
      failures: row.failures,
      lastNationalStatus: row.lastNationalStatus,
      lastEventId: row.lastEventId,
      lastPushedAt: row.lastPushedAt ? toIsoWithOffset(row.lastPushedAt) : null,
      lastError: row.lastError,
    };
  }

  /** Queues a fresh push of every dossier changed in a period (e.g. after the portal lost data). */
  async repush(from: Date, to: Date): Promise<number> {
    return this.db.transaction(async (em) => {
      const codes: { code: string }[] = await em.query(`SELECT code FROM dossiers WHERE updated_at >= $1 AND updated_at < $2 ORDER BY updated_at`, [from, to]);
      await writeOutbox(
        em,
        codes.map((c) => portalPush('dossier_resync', { dossierCode: c.code })),
      );
      return codes.length;
    });
  }
}
