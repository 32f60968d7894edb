import { searchKey, type ProcedureDefinition } from '@dvc/core';

export function procedureSearchKey(def: Pick<ProcedureDefinition, 'code' | 'name' | 'field'>): string {
  return searchKey(`${def.name} | ${def.field} | ${def.code}`);
}
