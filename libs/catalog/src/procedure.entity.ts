import { Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { AdminLevel, ComponentDefinition, FeeRule, OnlineLevel, ProcessingTime, WorkflowStepDefinition } from '@dvc/core';

@Entity('procedures')
// A GIN trigram index TypeORM cannot express; created by the SearchIndexes migration.
@Index('idx_procedures_search_trgm', { synchronize: false })
export class ProcedureEntity {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  code: string;

  @Column({ type: 'text' })
  name: string;

  /** Lower-case, diacritic-free name + field + code: what `q` is matched against (trigram index). */
  @Column({ type: 'text' })
  searchKey: string;

  @Column({ type: 'text' })
  field: string;

  @Column({ type: 'varchar', length: 40 })
  fieldCode: string;

  @Column({ type: 'smallint' })
  onlineLevel: OnlineLevel;

  @Column({ type: 'text', array: true })
  receivingLevels: AdminLevel[];

  @Column({ type: 'varchar', length: 10 })
  decidingLevel: AdminLevel;

  @Column({ type: 'jsonb' })
  processingTime: ProcessingTime;

  @Column({ type: 'jsonb' })
  components: ComponentDefinition[];

  @Column({ type: 'jsonb' })
  fees: FeeRule[];

  @Column({ type: 'jsonb' })
  formSchema: Record<string, unknown>;

  @Column({ type: 'jsonb' })
  workflow: WorkflowStepDefinition[];

  @Column({ type: 'text' })
  resultName: string;

  @Column({ type: 'text', array: true })
  legalBasis: string[];

  @Column({ type: 'boolean', default: true })
  active: boolean;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
