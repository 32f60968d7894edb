import { DOSSIER_ACTIONS, slugOfAction } from '@dvc/core';
import { DOCUMENT_FORMS } from '@dvc/documents';
import { exampleOf, fillPath, pathParamNames, type Operation } from './openapi-operations';
import { actionBody } from './sweep-fixtures';

export interface DossierRequest {
  method: string;
  path: string;
  body?: unknown;
}

/**
 * Every request the API offers on one dossier, from the OpenAPI document: each route under /dossiers/{code}, each
 * action and each form, with a valid body at the dossier's current version (so only scope can stop it).
 */
export function dossierRequests(operations: Operation[], d: { code: string; fileId: string; version: number; specialistId: string }): DossierRequest[] {
  const choices: Record<string, string[]> = { action: DOSSIER_ACTIONS.map(slugOfAction), form: [...DOCUMENT_FORMS], fileId: [d.fileId], id: [d.fileId] };
  const out: DossierRequest[] = [];
  for (const op of operations.filter((o) => o.path.startsWith('/api/v1/dossiers/{code}'))) {
    let variants: Record<string, string>[] = [{ code: d.code }];
    for (const name of pathParamNames(op.path).filter((n) => n !== 'code')) {
      variants = variants.flatMap((v) => (choices[name] ?? ['x']).map((value) => ({ ...v, [name]: value })));
    }
    for (const values of variants) {
      const body = op.method === 'GET' ? undefined : values.action ? actionBody(values.action, d, d.version) : op.body ? exampleOf(op.body.schema) : {};
      out.push({ method: op.method, path: fillPath(op.path, values), body });
    }
  }
  return out;
}
