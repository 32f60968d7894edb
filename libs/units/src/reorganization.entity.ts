import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type ReorganizationStatus = 'scheduled' | 'applied';

/**
 * An administrative reorganisation: scheduled when requested, applied from its effective date (at once when that
 * has come). Its name makes requesting it again a no-op.
 */
@Entity('reorganizations')
@Index('uq_reorganizations_name', ['name'], { unique: true })
@Index('idx_reorganizations_due', ['effectiveDate'], { where: `status = 'scheduled'` })
export class ReorganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'date' })
  effectiveDate: string;

  @Column({ type: 'varchar', length: 16 })
  status: ReorganizationStatus;

  /** The merges table as it was when the plan was requested (`MergeRow[]`). */
  @Column({ type: 'jsonb', default: () => "'[]'" })
  merges: Record<string, string>[];

  @Column({ type: 'jsonb', default: () => "'{}'" })
  overrides: Record<string, string>;

  /** `OfficerMapping`: per old unit, move or grant its officers. */
  @Column({ type: 'jsonb', default: () => "'{}'" })
  officerMapping: Record<string, unknown>;

  @Column({ type: 'text' })
  requestedBy: string;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  requestedAt: Date;

  /** What the switch changed; null until applied. */
  @Column({ type: 'jsonb', nullable: true })
  summary: Record<string, unknown> | null;

  @Column({ type: 'text', nullable: true })
  appliedBy: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  appliedAt: Date | null;
}
