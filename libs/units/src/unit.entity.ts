import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { AdminLevel, OfficeHours } from '@dvc/core';

@Entity('units')
@Index('idx_units_parent', ['parentCode'])
export class UnitEntity {
  /** Statistics-office (GSO) code. */
  @PrimaryColumn({ type: 'varchar', length: 10 })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'varchar', length: 10 })
  level: AdminLevel;

  @Column({ type: 'varchar', length: 10, nullable: true })
  parentCode: string | null;

  @ManyToOne(() => UnitEntity, { nullable: true, onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'parent_code', foreignKeyConstraintName: 'fk_units_parent' })
  parent?: UnitEntity;

  /** Office hours of this unit's desks when they differ from the city default. */
  @Column({ type: 'jsonb', nullable: true })
  officeHours: OfficeHours | null;

  @Column({ type: 'date' })
  validFrom: string;

  /** Last day the unit existed; null while it exists. */
  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
