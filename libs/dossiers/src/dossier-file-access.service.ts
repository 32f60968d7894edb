import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { Brackets, DataSource } from 'typeorm';
import { isUuid, type OfficerPrincipal } from '@dvc/core';
import { FILE_STORE, FileEntity, type FileStore } from '@dvc/files';
import { DossierFileOpeningEntity } from './dossier-file-opening.entity';
import { DossierEntity } from './dossier.entity';
import { whereOfficerMayRead } from './officer-readable';

export interface OpenedDossierFile {
  file: FileEntity;
  content: Readable;
  dossierId: string;
}

/**
 * Officers open the files of dossiers they may read (now in their scope, or their scope is on the route): the
 * component files the applicant uploaded and the result files. Every opening is recorded before the content
 * is handed out; anything else is null, which the caller answers like a file that does not exist.
 */
@Injectable()
export class DossierFileAccessService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORE) private readonly store: FileStore,
  ) {}

  async openForOfficer(officer: OfficerPrincipal, fileId: string): Promise<OpenedDossierFile | null> {
    if (!isUuid(fileId)) return null;
    const qb = this.db.getRepository(DossierEntity).createQueryBuilder('d').select('d.id');
    const dossier = await whereOfficerMayRead(qb, officer)
      .andWhere(
        new Brackets((w) =>
          w
            .where('d.components @> :componentFile::jsonb', { componentFile: JSON.stringify([{ fileIds: [fileId] }]) })
            .orWhere('(d.proposal IS NOT NULL AND d.proposal @> :resultFile::jsonb)', { resultFile: JSON.stringify({ resultFileIds: [fileId] }) }),
        ),
      )
      .orderBy('d.created_at')
      .getOne();
    if (!dossier) return null;
    return this.openRecorded(officer, fileId, dossier.id);
  }

  /** Opens a file already known to belong to a dossier the officer may read, recording the opening. */
  async openRecorded(officer: OfficerPrincipal, fileId: string, dossierId: string): Promise<OpenedDossierFile | null> {
    const file = await this.db.getRepository(FileEntity).findOneBy({ id: fileId });
    if (!file || !(await this.store.exists(file.storageKey))) return null;
    await this.db.getRepository(DossierFileOpeningEntity).insert({ fileId, dossierId, officerId: officer.id, agencyCode: officer.agencyCode });
    return { file, content: this.store.get(file.storageKey), dossierId };
  }
}
