import { Column, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';
import type { AdminLevel } from '@dvc/core';

/** A closed version of a unit whose statistics code carried on with another name, level or parent. */
@Entity('unit_versions')
@Index('idx_unit_versions_code', ['code', 'validFrom'])
export class UnitVersionEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 10 })
  code: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text' })
  type: string;

  @Column({ type: 'varchar', length: 10 })
  level: AdminLevel;

  @Column({ type: 'varchar', length: 10, nullable: true })
  parentCode: string | null;

  @Column({ type: 'date' })
  validFrom: string;

  @Column({ type: 'date' })
  validTo: string;
}
