import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type SmsStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'failed';

/** One SMS as the switchboard sent it: rendered text, segments and cost, and what the carrier said. */
@Entity('sms_messages')
@Index('uq_sms_messages_outbox', ['outboxId'], { unique: true })
@Index('idx_sms_messages_provider_id', ['providerMessageId'])
@Index('idx_sms_messages_to', ['to', 'createdAt'])
@Index('idx_sms_messages_dossier', ['dossierCode'])
// Only OTP messages whose code is still in the text: what purgeSpentOtps scans (the predicate is OTP_DIGITS_SQL).
@Index('idx_sms_messages_otp_live', ['createdAt'], { where: "kind = 'otp' AND text ~ '[0-9]{4,}'" })
export class SmsMessageEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** The outbox row it came from: one SMS per row, however often the job runs. */
  @Column({ type: 'uuid' })
  outboxId: string;

  @Column({ type: 'varchar', length: 40 })
  kind: string;

  @Column({ type: 'varchar', length: 15 })
  to: string;

  @Column({ type: 'varchar', length: 20 })
  carrier: string;

  /** Brandname (sender id). */
  @Column({ type: 'varchar', length: 11 })
  sender: string;

  @Column({ type: 'text' })
  text: string;

  @Column({ type: 'varchar', length: 5 })
  encoding: 'GSM7' | 'UCS2';

  @Column({ type: 'smallint' })
  segments: number;

  @Column({ type: 'integer' })
  costVnd: number;

  @Column({ type: 'varchar', length: 10 })
  status: SmsStatus;

  @Column({ type: 'smallint' })
  priority: number;

  @Column({ type: 'smallint', default: 0 })
  attempts: number;

  @Column({ type: 'varchar', length: 10, nullable: true })
  provider: string | null;

  @Column({ type: 'varchar', length: 64, nullable: true })
  providerMessageId: string | null;

  @Column({ type: 'varchar', length: 40, nullable: true })
  dossierCode: string | null;

  @Column({ type: 'varchar', length: 20, nullable: true })
  agencyCode: string | null;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  /** Held until this time by quiet hours. */
  @Column({ type: 'timestamptz', nullable: true })
  notBefore: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;

  @Column({ type: 'timestamptz', nullable: true })
  sentAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  deliveredAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  failedAt: Date | null;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
