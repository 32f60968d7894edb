import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

export type FileOwnerKind = 'citizen' | 'officer';

export interface FileOwner {
  kind: FileOwnerKind;
  id: string;
}

/** An uploaded file: its metadata here, its bytes in the file store under `storageKey`. */
@Entity('files')
@Index('idx_files_owner', ['ownerKind', 'ownerId'])
export class FileEntity {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'varchar', length: 10 })
  ownerKind: FileOwnerKind;

  @Column({ type: 'uuid' })
  ownerId: string;

  /** Display name as sent by the client, sanitised; never used to build a path. */
  @Column({ type: 'text' })
  name: string;

  /** Bytes; uploads are capped well below 2 GiB. */
  @Column({ type: 'integer' })
  size: number;

  /** Media type sniffed from the content. */
  @Column({ type: 'varchar', length: 100 })
  mime: string;

  /** Lower-case hex SHA-256 of the content. */
  @Column({ type: 'char', length: 64 })
  sha256: string;

  /** Key in the file store (`yyyy/mm/<uuid>`). */
  @Column({ type: 'text' })
  storageKey: string;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt: Date;
}
