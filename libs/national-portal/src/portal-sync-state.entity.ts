import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Where each dossier stands with the national portal: what was pushed last, and the last failure. */
@Entity('portal_sync_states')
export class PortalSyncStateEntity {
  @PrimaryColumn({ type: 'varchar', length: 40 })
  dossierCode: string;

  @Column({ type: 'bigint', nullable: true })
  lastEventId: string | null;

  @Column({ type: 'smallint', nullable: true })
  lastNationalStatus: number | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastPushedAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  pushes: number;

  @Column({ type: 'integer', default: 0 })
  failures: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
