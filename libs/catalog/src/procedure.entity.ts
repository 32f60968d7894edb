import { Check, Column, Entity, Index, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type {
  AdminLevel,
  AssuranceLevel,
  ComponentDefinition,
  FeeRule,
  NationalDetails,
  OnlineLevel,
  ProcedureSource,
  ProcessingTime,
  WorkflowStepDefinition,
} from '@dvc/core';

@Entity('procedures')
@Check('chk_procedures_required_assurance', `"required_assurance" BETWEEN 0 AND 2`)
// A GIN trigram index TypeORM cannot express; created by the SearchIndexes migration.
@Index('idx_procedures_search_trgm', { synchronize: false })
// Partial and with INCLUDE columns (the ProcedureListingIndex migration): what list pages are chosen and counted by.
@Index('idx_procedures_listing', { synchronize: false })
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

  /** What the national portal's record says beyond our model (times and fees per channel, results); null for the seed. */
  @Column({ type: 'jsonb', nullable: true })
  national: NationalDetails | null;

  @Column({ type: 'boolean', default: true })
  active: boolean;

  /** The VNeID assurance level a submission needs; null = the deployment's default for the online level. */
  @Column({ type: 'smallint', nullable: true })
  requiredAssurance: AssuranceLevel | null;

  /** The version in force; every version's content is kept in procedure_versions. */
  @Column({ type: 'integer', default: 1 })
  version: number;

  /** When this row's version takes effect: a published version may wait for its date, the one before in force until then. */
  @Column({ type: 'timestamptz', default: () => 'now()' })
  effectiveFrom: Date;

  /** Who wrote the version in force: the seed files, or an import of national-portal records (the seed then leaves it alone). */
  @Column({ type: 'varchar', length: 10, default: 'seed' })
  source: ProcedureSource;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt: Date;
}
