import { EntityManager } from 'typeorm';
import { DomainError } from '@dvc/core';
import { ProcedureEntity } from './procedure.entity';
import { ProcedureVersionEntity } from './procedure-version.entity';

/**
 * The procedure as it was in `version`: a dossier is charged, dated and processed under the version it was
 * submitted under, whatever an import changed since. The row in force when the versions agree.
 */
export async function procedureAtVersion(em: EntityManager, code: string, version: number): Promise<ProcedureEntity> {
  const current = await em.getRepository(ProcedureEntity).findOneBy({ code });
  if (!current) throw DomainError.notFound(`Procedure ${code}`);
  if (current.version === version) return current;
  const old = await em.getRepository(ProcedureVersionEntity).findOneBy({ procedureCode: code, version });
  if (!old) throw DomainError.notFound(`Version ${version} of procedure ${code}`);
  return Object.assign(new ProcedureEntity(), current, old.content, { version });
}
