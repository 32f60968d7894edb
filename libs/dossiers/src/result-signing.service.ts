import { Inject, Injectable } from '@nestjs/common';
import type { Readable } from 'node:stream';
import { Readable as ReadableStream } from 'node:stream';
import type { EntityManager } from 'typeorm';
import { In } from 'typeorm';
import { DomainError } from '@dvc/core';
import { FILE_STORE, FileEntity, storageKeyFor, type FileStore } from '@dvc/files';
import { SignedDocumentsService, UnsignablePdfError } from '@dvc/signing';
import { AgencyEntity, UnitEntity } from '@dvc/units';
import type { DossierEntity } from './dossier.entity';

async function bytesOf(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

/**
 * At approval: each PDF result file is signed with the approving agency's certificate and stored as a new file (the
 * specialist's upload is kept untouched); the proposal then lists the signed copies. Files written are added to
 * `stored` so the caller can remove them if the transaction does not commit.
 */
@Injectable()
export class ResultSigningService {
  constructor(
    @Inject(FILE_STORE) private readonly store: FileStore,
    private readonly signed: SignedDocumentsService,
  ) {}

  async signResults(
    em: EntityManager,
    dossier: DossierEntity,
    signer: { officerId: string; agencyCode: string },
    stored: string[],
    now: Date,
  ): Promise<string[]> {
    const ids = dossier.proposal?.resultFileIds ?? [];
    if (ids.length === 0) return ids;
    const agency = await em.getRepository(AgencyEntity).findOneBy({ code: signer.agencyCode });
    if (!agency) throw DomainError.notFound(`Agency ${signer.agencyCode}`);
    const unit = await em.getRepository(UnitEntity).findOneBy({ code: agency.unitCode });
    const files = new Map((await em.getRepository(FileEntity).findBy({ id: In(ids) })).map((f) => [f.id, f]));
    const result: string[] = [];
    for (const id of ids) {
      const file = files.get(id);
      if (!file || file.mime !== 'application/pdf') {
        result.push(id);
        continue;
      }
      const docId = this.signed.newId();
      let pdf: Buffer;
      try {
        pdf = await this.signed.sign(
          {
            id: docId,
            dossierId: dossier.id,
            dossierCode: dossier.code,
            kind: 'result',
            pdf: await bytesOf(this.store.get(file.storageKey)),
            // The only place an uploaded PDF can carry its verification link without rewriting its pages.
            reason: `Ket qua ho so ${dossier.code}; xac thuc: ${this.signed.verifyUrl(docId)}`,
            agency: { code: agency.code, name: agency.name, unitName: unit?.name ?? '' },
          },
          em,
        );
      } catch (error) {
        // Nothing is released unsigned: the specialist sends a file that can carry the agency's signature.
        if (error instanceof UnsignablePdfError) {
          throw DomainError.validation(
            [
              {
                field: `proposal.resultFileIds[${ids.indexOf(id)}]`,
                message: `${file.name} is a PDF that cannot take a signature (${error.reason}); send the dossier back for a result saved again as PDF`,
              },
            ],
            'A result file cannot be signed.',
          );
        }
        throw error;
      }
      const key = storageKeyFor(now);
      stored.push(key);
      const put = await this.store.put(key, ReadableStream.from([pdf]));
      const copy = await em.getRepository(FileEntity).save(
        em.getRepository(FileEntity).create({
          ownerKind: 'officer',
          ownerId: signer.officerId,
          name: file.name,
          size: put.size,
          mime: file.mime,
          sha256: put.sha256,
          storageKey: key,
        }),
      );
      result.push(copy.id);
    }
    return result;
  }
}
