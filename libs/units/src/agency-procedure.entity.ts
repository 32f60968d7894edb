import { Check, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import type { AgencyDuty } from '@dvc/core';
import { AgencyEntity } from './agency.entity';

/**
 * A desk assignment: the agency receives (or processes) the procedure. An agency named for some procedures does that
 * duty for those alone; one named for none does it by its kind and sectors.
 */
@Entity('agency_procedures')
@Index('idx_agency_procedures_procedure', ['procedureCode'])
@Check('chk_agency_procedures_duty', `duty IN ('receive', 'process')`)
export class AgencyProcedureEntity {
  @PrimaryColumn({ type: 'varchar', length: 20, primaryKeyConstraintName: 'pk_agency_procedures' })
  agencyCode: string;

  @PrimaryColumn({ type: 'varchar', length: 20, primaryKeyConstraintName: 'pk_agency_procedures' })
  procedureCode: string;

  @PrimaryColumn({ type: 'varchar', length: 10, primaryKeyConstraintName: 'pk_agency_procedures' })
  duty: AgencyDuty;

  @ManyToOne(() => AgencyEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'agency_code', foreignKeyConstraintName: 'fk_agency_procedures_agency' })
  agency?: AgencyEntity;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
