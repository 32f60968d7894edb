import type { SelectQueryBuilder } from 'typeorm';
import type { OfficerPrincipal } from '@dvc/core';
import type { DossierEntity } from './dossier.entity';

/** The one reading rule for officers: the dossier is now in their scope, or its route passes through it. */
export function whereOfficerMayRead(qb: SelectQueryBuilder<DossierEntity>, officer: OfficerPrincipal): SelectQueryBuilder<DossierEntity> {
  return qb.andWhere(`(${qb.alias}.current_scope_code = :readerScope OR ${qb.alias}.route @> :readerScopeJson::jsonb)`, {
    readerScope: officer.scopeCode,
    readerScopeJson: JSON.stringify([{ scopeCode: officer.scopeCode }]),
  });
}
