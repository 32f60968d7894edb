import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { DossierStatus } from '@dvc/core';

/** Append-only: the database refuses UPDATE and DELETE on this table (trigger in the migrations). */
@Entity('dossier_events')
@Index('idx_dossier_events_dossier', ['dossierId', 'id'])
export class DossierEventEntity {
  @PrimaryGeneratedColumn({ type: 'bigint' })
  id: string;

  @Column({ type: 'uuid' })
  dossierId: string;

  @Column({ type: 'varchar', length: 30 })
  action: string;

  @Column({ type: 'varchar', length: 10 })
  actorKind: 'citizen' | 'officer' | 'system';

  @Column({ type: 'uuid', nullable: true })
  actorId: string | null;

  /** The officer's full name (the applicant's name, or the system's) when the event was written. */
  @Column({ type: 'text' })
  actorName: string;

  /** The officer's title when the event was written; null for applicants and the system. */
  @Column({ type: 'text', nullable: true })
  actorTitle: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  actorRole: string | null;

  @Column({ type: 'varchar', length: 30, nullable: true })
  fromStatus: DossierStatus | null;

  @Column({ type: 'varchar', length: 30 })
  toStatus: DossierStatus;

  @Column({ type: 'varchar', length: 20, nullable: true })
  fromAgencyCode: string | null;

  @Column({ type: 'varchar', length: 20 })
  toAgencyCode: string;

  @Column({ type: 'text', nullable: true })
  note: string | null;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  data: Record<string, unknown>;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at: Date;
}
