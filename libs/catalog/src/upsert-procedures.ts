import { EntityManager } from 'typeorm';
import { contentOfDefinition, type ProcedureDefinition } from '@dvc/core';
import { writeProcedures } from './procedure-writes';

export { procedureSearchKey } from './procedure-search-key';

/**
 * Loads the seed catalogue; re-running it updates the rows in place, a changed definition as a new version. A
 * procedure an import of national records or an administrator's publication wrote is left as they made it.
 */
export async function upsertProcedures(em: EntityManager, definitions: ProcedureDefinition[]): Promise<number> {
  const outcome = await writeProcedures(
    em,
    definitions.map((d) => ({
      code: d.code,
      content: (stored) => (stored && stored.source !== 'seed' ? null : contentOfDefinition(d)),
    })),
    'seed',
  );
  return outcome.created + outcome.updated;
}
