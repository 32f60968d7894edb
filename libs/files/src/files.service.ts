import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { finished, type Readable } from 'node:stream';
import { In, Repository } from 'typeorm';
import { FilesConfig } from '@dvc/config';
import { isUuid } from '@dvc/core';
import { ContentGate } from './content-gate';
import { FileEntity, FileOwner } from './file.entity';
import { FILE_STORE, FileStore } from './file-store';
import { storedFileName } from './sanitize-file-name';

export interface UploadInput {
  owner: FileOwner;
  /** The name the client gave; kept (sanitised, with the sniffed type's extension) as a label only. */
  name: string | undefined;
  content: Readable;
}

/** The upload stream itself failed (client aborted, malformed multipart): a bad request, not a server fault. */
export class UploadStreamError extends Error {
  constructor(cause: unknown) {
    super(`The upload stream failed: ${(cause as Error)?.message ?? String(cause)}`, { cause });
    this.name = 'UploadStreamError';
  }
}

/** `yyyy/mm/<uuid>` in UTC: spreads files over folders, and says nothing about the file or its owner. */
export function storageKeyFor(at: Date, id: string = randomUUID()): string {
  return `${at.getUTCFullYear()}/${String(at.getUTCMonth() + 1).padStart(2, '0')}/${id}`;
}

@Injectable()
export class FilesService {
  private readonly allowedMime: string[];

  constructor(
    @InjectRepository(FileEntity) private readonly files: Repository<FileEntity>,
    @Inject(FILE_STORE) private readonly store: FileStore,
    private readonly config: FilesConfig,
  ) {
    this.allowedMime = config.allowedMimeTypes;
  }

  /**
   * Streams the content to the store while hashing and counting it; the type is sniffed from the first bytes
   * before anything is written. Too large → 413, type not allowed → 415; in both cases nothing is kept (no row,
   * no file) and the rest of the input is discarded so the request can complete.
   */
  async upload(input: UploadInput, now = new Date()): Promise<FileEntity> {
    const gate = new ContentGate({ maxBytes: this.config.maxBytes, allowedMime: this.allowedMime });
    const { content } = input;
    // The gate may fail (413/415) before the store starts reading it; the store still sees the stored error,
    // this listener only keeps it from being an unhandled 'error' event in between.
    gate.on('error', () => undefined);
    // A source that fails, or closes before its end (client hung up), must fail the write; `pipe` alone would
    // leave the gate waiting for an end that never comes.
    const stopWatching = finished(content, (error) => {
      if (error) gate.destroy(new UploadStreamError(error));
    });
    content.pipe(gate);

    const key = storageKeyFor(now);
    let stored: { size: number; sha256: string };
    try {
      stored = await this.store.put(key, gate);
    } catch (error) {
      content.unpipe(gate);
      content.resume();
      throw error;
    } finally {
      stopWatching();
    }

    try {
      return await this.files.save(
        this.files.create({
          ownerKind: input.owner.kind,
          ownerId: input.owner.id,
          name: storedFileName(input.name, gate.type!.ext),
          size: stored.size,
          mime: gate.type!.mime,
          sha256: stored.sha256,
          storageKey: key,
        }),
      );
    } catch (error) {
      await this.store.remove(key);
      throw error;
    }
  }

  /** The files among `ids` that exist and belong to `owner`, in one query (missing or foreign ids are simply absent). */
  async findOwned(ids: readonly string[], owner: FileOwner): Promise<FileEntity[]> {
    const valid = [...new Set(ids.filter(isUuid))];
    if (valid.length === 0) return [];
    return this.files.find({ where: { id: In(valid), ownerKind: owner.kind, ownerId: owner.id } });
  }

  /** The owner's file and its content; null for anyone else, as for an unknown id. */
  async openOwned(id: string, owner: FileOwner): Promise<{ file: FileEntity; content: Readable } | null> {
    const [file] = await this.findOwned([id], owner);
    if (!file || !(await this.store.exists(file.storageKey))) return null;
    return { file, content: this.store.get(file.storageKey) };
  }
}
