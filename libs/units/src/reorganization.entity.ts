import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

/** An applied administrative reorganisation; its name makes applying it again a no-op. */
@Entity('reorganizations')
@Index('uq_reorganizations_name', ['name'], { unique: true })
export class ReorganizationEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 100 })
  name: string;

  @Column({ type: 'date' })
  effectiveDate: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  overrides: Record<string, string>;

  @Column({ type: 'jsonb' })
  summary: Record<string, unknown>;

  @Column({ type: 'text' })
  appliedBy: string;

  @CreateDateColumn({ type: 'timestamptz' })
  appliedAt: Date;
}
