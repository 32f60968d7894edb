import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Readable } from 'node:stream';
import { DataSource, In } from 'typeorm';
import { DomainError, DomainErrorCode, resultRelease, type Principal, type ResultRelease } from '@dvc/core';
import { FILE_STORE, FileEntity, type FileStore } from '@dvc/files';
import type { DossierEntity } from './dossier.entity';
import { DossierFileAccessService } from './dossier-file-access.service';
import { DossierQueriesService } from './dossier-queries.service';

export interface DossierResults {
  release: ResultRelease;
  /** The result files the caller may download: all of them for officers, for the applicant only once released. */
  files: FileEntity[];
}

/**
 * The result files of a dossier (uploaded by the specialist with the proposal, so owned by that officer): readable by
 * officers who may read the dossier (each opening recorded), and by its applicant once the result is released (not while it is held for fees).
 */
@Injectable()
export class DossierResultsService {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(FILE_STORE) private readonly store: FileStore,
    private readonly queries: DossierQueriesService,
    private readonly fileAccess: DossierFileAccessService,
  ) {}

  async list(principal: Principal, code: string): Promise<DossierResults> {
    const dossier = await this.queries.findReadable(principal, code);
    const release = resultRelease(dossier);
    if (principal.kind === 'citizen' && release !== 'released') return { release, files: [] };
    return { release, files: await this.filesOf(dossier) };
  }

  async open(principal: Principal, code: string, fileId: string): Promise<{ file: FileEntity; content: Readable }> {
    const dossier = await this.queries.findReadable(principal, code);
    if (!(dossier.proposal?.resultFileIds ?? []).includes(fileId)) throw DomainError.notFound('The result file');
    const release = resultRelease(dossier);
    if (principal.kind === 'citizen' && release !== 'released') {
      throw new DomainError(
        DomainErrorCode.Conflict,
        release === 'held_for_fees' ? 'The result is held until the fees are paid.' : 'The result is not ready yet.',
      );
    }
    if (principal.kind === 'officer') {
      const opened = await this.fileAccess.openRecorded(principal, fileId, dossier.id);
      if (!opened) throw DomainError.notFound('The result file');
      return opened;
    }
    const file = await this.db.getRepository(FileEntity).findOneBy({ id: fileId });
    if (!file || !(await this.store.exists(file.storageKey))) throw DomainError.notFound('The result file');
    return { file, content: this.store.get(file.storageKey) };
  }

  private async filesOf(dossier: DossierEntity): Promise<FileEntity[]> {
    const ids = dossier.proposal?.resultFileIds ?? [];
    if (ids.length === 0) return [];
    const rows = await this.db.getRepository(FileEntity).find({ where: { id: In(ids) } });
    const byId = new Map(rows.map((f) => [f.id, f]));
    return ids.map((id) => byId.get(id)).filter((f): f is FileEntity => f !== undefined);
  }
}
