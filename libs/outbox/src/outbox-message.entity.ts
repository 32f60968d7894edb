import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type OutboxTopic = 'sms' | 'national_portal' | 'payment';

/**
 * A side effect decided inside a business transaction and delivered after it commits. The relay moves
 * undispatched rows to the queue with jobId = id, so relaying twice never sends twice.
 */
@Entity('outbox')
@Index('idx_outbox_pending', ['createdAt'], { where: 'dispatched_at IS NULL' })
// Only OTP rows still carrying their code: what the OTP purge scans.
@Index('idx_outbox_otp_live', ['createdAt'], { where: "kind = 'otp' AND (payload #> '{variables,code}') IS NOT NULL" })
export class OutboxMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 32 })
  topic: OutboxTopic;

  /** Template or event kind, e.g. "otp", "dossier_received". */
  @Column({ type: 'varchar', length: 64 })
  kind: string;

  /** Lower runs first; OTPs jump the queue. */
  @Column({ type: 'smallint', default: 5 })
  priority: number;

  @Column({ type: 'varchar', length: 40, nullable: true })
  dossierCode: string | null;

  @Column({ type: 'jsonb' })
  payload: Record<string, unknown>;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  dispatchedAt: Date | null;
}
