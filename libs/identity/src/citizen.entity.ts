import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity('citizens')
@Index('uq_citizens_phone', ['phone'], { unique: true })
@Index('uq_citizens_id_number', ['idNumber'], { unique: true })
@Index('uq_citizens_tax_code', ['taxCode'], { unique: true })
export class CitizenEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Normalised 84… mobile number. */
  @Column({ type: 'varchar', length: 15 })
  phone: string;

  /** 12-digit CCCD from VNeID; null for a row only ever signed in by phone. */
  @Column({ type: 'varchar', length: 12, nullable: true })
  idNumber: string | null;

  /** An organisation account's tax code (VNeID organisation sign-in). */
  @Column({ type: 'varchar', length: 14, nullable: true })
  taxCode: string | null;

  /** As VNeID last gave them. */
  @Column({ type: 'text', nullable: true })
  fullName: string | null;

  @Column({ type: 'date', nullable: true })
  birthDate: string | null;

  @Column({ type: 'varchar', length: 6, nullable: true })
  sex: string | null;

  @Column({ type: 'timestamptz', nullable: true })
  lastSignedInAt: Date | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
