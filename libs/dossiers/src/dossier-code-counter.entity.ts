import { Column, Entity, PrimaryColumn } from 'typeorm';

/** Per receiving agency and local day; incremented in its own short statement so agencies never wait on each other. */
@Entity('dossier_code_counters')
export class DossierCodeCounterEntity {
  @PrimaryColumn({ type: 'varchar', length: 20 })
  agencyCode: string;

  @PrimaryColumn({ type: 'date' })
  day: string;

  @Column({ type: 'integer' })
  lastValue: number;
}
