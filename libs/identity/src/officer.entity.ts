import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { AgencyEntity } from '@dvc/units';
import type { OfficerRole } from '@dvc/core';

@Entity('officers')
@Index('uq_officers_username', ['username'], { unique: true })
@Index('idx_officers_agency', ['agencyCode'])
export class OfficerEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 64 })
  username: string;

  @Column({ type: 'text' })
  passwordHash: string;

  @Column({ type: 'text' })
  fullName: string;

  /** Chức danh, printed under the name on the forms ("Công chức Bộ phận Một cửa", "Chủ tịch UBND phường"). */
  @Column({ type: 'text', nullable: true })
  title: string | null;

  @Column({ type: 'text', array: true })
  roles: OfficerRole[];

  @Column({ type: 'varchar', length: 20 })
  agencyCode: string;

  @ManyToOne(() => AgencyEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'agency_code', foreignKeyConstraintName: 'fk_officers_agency' })
  agency?: AgencyEntity;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** Consecutive failed sign-ins (password or second factor) since the last success or lock. */
  @Column({ type: 'integer', default: 0 })
  failedLogins: number;

  @Column({ type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  /** After an administrator's reset: the next sign-in yields only a token to change the password. */
  @Column({ type: 'boolean', default: false })
  passwordChangeRequired: boolean;

  @Column({ type: 'timestamptz', nullable: true })
  passwordChangedAt: Date | null;

  /** The TOTP secret sealed by TotpSecretBox; set at enrolment, in force once `totpEnabledAt` is set (the first code was right). */
  @Column({ type: 'varchar', length: 160, nullable: true })
  totpSecret: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  totpEnabledAt: Date | null;

  /** The time step of the last accepted code: a code is good once. */
  @Column({ type: 'bigint', nullable: true, transformer: { to: (v: number | null) => v, from: (v: string | null) => (v === null ? null : Number(v)) } })
  totpLastStep: number | null;

  /** SHA-256 (hex) of each unused recovery code. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  recoveryCodeHashes: string[];

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
