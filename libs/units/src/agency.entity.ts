import { Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { UnitEntity } from './unit.entity';
import type { AgencyKind, AgencySector } from '@dvc/core';

@Entity('agencies')
@Index('idx_agencies_unit', ['unitCode'])
@Index('idx_agencies_scope', ['scopeCode'])
export class AgencyEntity {
  /** Electronic identifier (QCVN 102:2016), e.g. 000.00.00.H26. */
  @PrimaryColumn({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'varchar', length: 20 })
  kind: AgencyKind;

  @Column({ type: 'text', array: true })
  sectors: AgencySector[];

  @Column({ type: 'varchar', length: 10 })
  unitCode: string;

  @ManyToOne(() => UnitEntity, { onDelete: 'RESTRICT' })
  @JoinColumn({ name: 'unit_code', foreignKeyConstraintName: 'fk_agencies_unit' })
  unit?: UnitEntity;

  @Column({ type: 'boolean', default: false })
  receives: boolean;

  /** Officers of agencies with the same scope share one worklist (a commune/district, or one city department). */
  @Column({ type: 'varchar', length: 20 })
  scopeCode: string;

  /** Sender id on this agency's SMS; the city's brandname when empty. */
  @Column({ type: 'varchar', length: 11, nullable: true })
  smsBrandname: string | null;

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date', nullable: true })
  validTo: string | null;

  /** After a reorganisation: the agency that took over this one's work, where there is a single one. */
  @Column({ type: 'varchar', length: 20, nullable: true })
  successorCode: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
