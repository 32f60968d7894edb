import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/**
 * An officer opened a file of a dossier they may read (a component the applicant uploaded, or a result file).
 * Append-only: the database refuses UPDATE, DELETE and TRUNCATE (trigger in migration FileOpenings).
 */
@Entity('dossier_file_openings')
@Index('idx_dossier_file_openings_dossier', ['dossierId', 'openedAt'])
@Index('idx_dossier_file_openings_file', ['fileId'])
export class DossierFileOpeningEntity {
  @PrimaryGeneratedColumn({ type: 'bigint', primaryKeyConstraintName: 'PK_dossier_file_openings' })
  id: string;

  @Column({ type: 'uuid' })
  fileId: string;

  @Column({ type: 'uuid' })
  dossierId: string;

  @Column({ type: 'uuid' })
  officerId: string;

  /** The officer's agency when they opened it (accounts move between agencies). */
  @Column({ type: 'varchar', length: 20 })
  agencyCode: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  openedAt: Date;
}
