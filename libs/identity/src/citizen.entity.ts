import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('citizens')
@Index('uq_citizens_phone', ['phone'], { unique: true })
export class CitizenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Normalised 84… mobile number. */
  @Column({ type: 'varchar', length: 15 })
  phone: string;

  @Column({ type: 'timestamptz', nullable: true })
  lastSignedInAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
