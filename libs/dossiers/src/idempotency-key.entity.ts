import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** Idempotency-Key of a submission, per submitter: the same key and body return the dossier created first. */
@Entity('idempotency_keys')
export class IdempotencyKeyEntity {
  /** "citizen:<id>" or "officer:<id>". */
  @PrimaryColumn({ type: 'varchar', length: 60 })
  principalKey: string;

  @PrimaryColumn({ type: 'varchar', length: 200 })
  key: string;

  @Column({ type: 'varchar', length: 64 })
  requestHash: string;

  @Column({ type: 'varchar', length: 40 })
  dossierCode: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
