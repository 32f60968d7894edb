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

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
