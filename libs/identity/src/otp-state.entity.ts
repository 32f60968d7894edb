import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per phone: the current code's keyed hash, wrong guesses at it, and the send window. */
@Entity('otp_states')
export class OtpStateEntity {
  @PrimaryColumn({ type: 'varchar', length: 15 })
  phone: string;

  @Column({ type: 'varchar', length: 64, nullable: true })
  codeHash: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  issuedAt: Date | null;

  @Column({ type: 'timestamptz', nullable: true })
  expiresAt: Date | null;

  @Column({ type: 'integer', default: 0 })
  failedAttempts: number;

  @Column({ type: 'integer', default: 0 })
  sendsInWindow: number;

  @Column({ type: 'timestamptz', nullable: true })
  windowStartedAt: Date | null;
}
