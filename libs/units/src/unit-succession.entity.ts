import { Column, Entity, Index, PrimaryColumn } from 'typeorm';

/** "Old unit went (fully or partly) into new unit" from a reorganisation's effective date. */
@Entity('unit_successions')
@Index('idx_unit_successions_new', ['newCode'])
export class UnitSuccessionEntity {
  @PrimaryColumn({ type: 'varchar', length: 10 })
  oldCode: string;

  @PrimaryColumn({ type: 'varchar', length: 10 })
  newCode: string;

  @Column({ type: 'varchar', length: 10 })
  mergeType: 'full' | 'partial';

  /** The successor that receives the old unit's in-flight dossiers. */
  @Column({ type: 'boolean', default: false })
  receivesDossiers: boolean;

  @Column({ type: 'date' })
  effectiveDate: string;

  @Column({ type: 'uuid' })
  reorganizationId: string;
}
