import { EntityManager, In } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';
import { versionDecision, type ProcedureContent, type ProcedureSource } from '@dvc/core';
import { ProcedureEntity } from './procedure.entity';
import { ProcedureVersionEntity } from './procedure-version.entity';
import { procedureSearchKey } from './procedure-search-key';

export interface StoredProcedure {
  version: number;
  source: ProcedureSource;
  content: ProcedureContent;
}

/** What to write for a code given what is stored; null leaves the stored procedure alone. */
export interface ProcedureWrite {
  code: string;
  content: (stored: StoredProcedure | null) => ProcedureContent | null;
}

export interface WriteOutcome {
  created: number;
  /** Codes that existed: with a new version, or unchanged (same content, same version). */
  updated: number;
  unchanged: number;
  skipped: number;
  /** The codes written, with the version they had (null: new) and have now. */
  changes: { code: string; from: number | null; to: number }[];
}

const CHUNK = 500;
const chunks = <T>(items: T[]) => Array.from({ length: Math.ceil(items.length / CHUNK) }, (_, i) => items.slice(i * CHUNK, (i + 1) * CHUNK));

export function contentOfRow(p: ProcedureEntity): ProcedureContent {
  return {
    name: p.name,
    field: p.field,
    fieldCode: p.fieldCode,
    onlineLevel: p.onlineLevel,
    receivingLevels: p.receivingLevels,
    decidingLevel: p.decidingLevel,
    processingTime: p.processingTime,
    components: p.components,
    fees: p.fees,
    formSchema: p.formSchema,
    workflow: p.workflow,
    resultName: p.resultName,
    legalBasis: p.legalBasis,
    national: p.national ?? null,
  };
}

/**
 * Writes procedures inside the caller's transaction, versioned: a code not stored is version 1, a changed content
 * is the next version (its content kept in procedure_versions, the dossiers under older versions keep theirs), the
 * same content keeps its version. The stored rows are locked first, so two writers of a code take turns.
 */
export async function writeProcedures(em: EntityManager, writes: ProcedureWrite[], source: ProcedureSource, effectiveFrom?: Date): Promise<WriteOutcome> {
  const outcome: WriteOutcome = { created: 0, updated: 0, unchanged: 0, skipped: 0, changes: [] };
  if (writes.length === 0) return outcome;
  const stored = new Map<string, ProcedureEntity>();
  for (const part of chunks(writes.map((w) => w.code))) {
    const rows = await em.getRepository(ProcedureEntity).find({ where: { code: In(part) }, lock: { mode: 'pessimistic_write' } });
    for (const row of rows) stored.set(row.code, row);
  }
  const rows: QueryDeepPartialEntity<ProcedureEntity>[] = [];
  const versions: QueryDeepPartialEntity<ProcedureVersionEntity>[] = [];
  for (const w of writes) {
    const row = stored.get(w.code);
    const current = row ? { version: row.version, source: row.source, content: contentOfRow(row) } : null;
    const content = w.content(current);
    if (!content) {
      outcome.skipped++;
      continue;
    }
    const decision = versionDecision(current, content);
    if (decision.kind === 'create') outcome.created++;
    else outcome.updated++;
    if (decision.kind === 'unchanged') {
      outcome.unchanged++;
      continue;
    }
    outcome.changes.push({ code: w.code, from: row?.version ?? null, to: decision.version });
    // Never before the version it follows: one waiting for its date takes this one along.
    const from = new Date(Math.max((effectiveFrom ?? new Date()).getTime(), row?.effectiveFrom.getTime() ?? 0));
    rows.push({
      code: w.code,
      searchKey: procedureSearchKey({ code: w.code, name: content.name, field: content.field }),
      ...content,
      active: true,
      version: decision.version,
      source,
      effectiveFrom: from,
    } as QueryDeepPartialEntity<ProcedureEntity>);
    versions.push({ procedureCode: w.code, version: decision.version, content: content as never, source, effectiveFrom: from });
  }
  const columns = [
    'name',
    'search_key',
    'field',
    'field_code',
    'online_level',
    'receiving_levels',
    'deciding_level',
    'processing_time',
    'components',
    'fees',
    'form_schema',
    'workflow',
    'result_name',
    'legal_basis',
    'national',
    'active',
    'version',
    'source',
    'effective_from',
  ];
  for (const part of chunks(rows)) {
    await em.createQueryBuilder().insert().into(ProcedureEntity).values(part).orUpdate(columns, ['code']).execute();
  }
  for (const part of chunks(versions)) {
    await em.createQueryBuilder().insert().into(ProcedureVersionEntity).values(part).execute();
  }
  return outcome;
}
