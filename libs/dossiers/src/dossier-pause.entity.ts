import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * Every span during which a received dossier waited for the applicant, written by a trigger on `dossiers.paused_at`
 * in the change's own transaction (migration LegalClock). The statistics of a past period read it to know which
 * dossiers were waiting at the period's end.
 */
@Entity('dossier_pauses')
@Index('idx_dossier_pauses_dossier', ['dossierId'])
// GiST on tstzrange(started_at, ended_at): created by the migration, an expression TypeORM cannot describe.
@Index('idx_dossier_pauses_span', { synchronize: false })
export class DossierPauseEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'PK_dossier_pauses' })
  id: string;

  @Column({ type: 'uuid' })
  dossierId: string;

  /** What it waited for: supplement_requested or payment_requested. */
  @Column({ type: 'varchar', length: 30 })
  status: string;

  @Column({ type: 'timestamptz' })
  startedAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  endedAt: Date | null;
}
