import { EntityManager } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { searchKey, type ProcedureDefinition } from '@dvc/core';
import { ProcedureEntity } from './procedure.entity';

export function procedureSearchKey(def: Pick<ProcedureDefinition, 'code' | 'name' | 'field'>): string {
  return searchKey(`${def.name} | ${def.field} | ${def.code}`);
}

/** Loads the catalogue; re-running it updates the rows in place. */
export async function upsertProcedures(em: EntityManager, definitions: ProcedureDefinition[]): Promise<number> {
  if (definitions.length === 0) return 0;
  const rows = definitions.map((d) => ({
    code: d.code,
    name: d.name,
    searchKey: procedureSearchKey(d),
    field: d.field,
    fieldCode: d.fieldCode,
    onlineLevel: d.onlineLevel,
    receivingLevels: d.receivingLevels,
    decidingLevel: d.decidingLevel,
    processingTime: d.processingTime,
    components: d.components,
    fees: d.fees,
    formSchema: d.formSchema,
    workflow: d.workflow,
    resultName: d.resultName,
    legalBasis: d.legalBasis,
    active: true,
  }));
  const columns = ['name', 'search_key', 'field', 'field_code', 'online_level', 'receiving_levels', 'deciding_level', 'processing_time',
    'components', 'fees', 'form_schema', 'workflow', 'result_name', 'legal_basis', 'active'];
  await em.createQueryBuilder().insert().into(ProcedureEntity).values(rows as QueryDeepPartialEntity<ProcedureEntity>[]).orUpdate(columns, ['code']).execute();
  return rows.length;
}
