import { DomainError, DomainErrorCode } from '../../errors/domain-error';
import { mapNationalRecord } from './national-record-mapping';
import type { NationalProcedure } from './national-procedure';
import { isObject } from './record-reading';

/** More records than the national catalogue has (5,670) in one file is a mistake, not a catalogue. */
export const MAX_RECORDS_PER_IMPORT = 20_000;

export interface RejectedRow {
  /** The record's position in the file, from 1. */
  line: number;
  code: string | null;
  reason: string;
}

export interface ImportPlan {
  accepted: { line: number; procedure: NationalProcedure }[];
  rejected: RejectedRow[];
}

/**
 * The records of an import file: one record (`{code, data, message}`), an array of them, or `{records: [...]}`.
 * A file that is none of these is refused whole (Malformed: not UTF-8 or not JSON; ValidationFailed: the wrong
 * shape): nothing of it is imported.
 */
export function recordsOfImportFile(bytes: Uint8Array): unknown[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new DomainError(DomainErrorCode.Malformed, 'The file is not UTF-8 text.', [{ field: 'file', message: 'is not UTF-8 text' }]);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new DomainError(DomainErrorCode.Malformed, 'The file is not JSON.', [
      { field: 'file', message: `is not JSON (${(error as Error).message.slice(0, 200)})` },
    ]);
  }
  const records = Array.isArray(parsed)
    ? parsed
    : isObject(parsed) && Array.isArray(parsed.records)
      ? parsed.records
      : isObject(parsed) && 'data' in parsed
        ? [parsed]
        : null;
  if (!records) {
    throw DomainError.validation(
      [{ field: 'file', message: 'must hold a record ({code, data, message}), an array of records or {records: [...]}' }],
      'The file holds no procedure records.',
    );
  }
  if (records.length === 0) throw DomainError.validation([{ field: 'file', message: 'holds no records' }], 'The file holds no procedure records.');
  if (records.length > MAX_RECORDS_PER_IMPORT) {
    throw DomainError.validation([{ field: 'file', message: `holds ${records.length} records, more than ${MAX_RECORDS_PER_IMPORT} in one import` }]);
  }
  return records;
}

/**
 * Maps every record and rejects, with its line, what cannot be imported. A code that appears more than once is
 * rejected at every line it appears on: which of the copies is meant cannot be told, and importing one would
 * silently drop the other.
 */
export function planImport(records: readonly unknown[]): ImportPlan {
  const mapped = records.map((raw, i) => ({ line: i + 1, result: mapNationalRecord(raw) }));
  const lines = new Map<string, number[]>();
  for (const m of mapped) {
    const code = m.result.ok ? m.result.procedure.code : m.result.code;
    if (code) lines.set(code, [...(lines.get(code) ?? []), m.line]);
  }
  const plan: ImportPlan = { accepted: [], rejected: [] };
  for (const { line, result } of mapped) {
    const code = result.ok ? result.procedure.code : result.code;
    const seen = code ? lines.get(code)! : [line];
    if (seen.length > 1)
      plan.rejected.push({ line, code, reason: `code ${code} appears ${seen.length} times in the file (lines ${seen.join(', ')}): none of them is imported` });
    else if (result.ok) plan.accepted.push({ line, procedure: result.procedure });
    else plan.rejected.push({ line, code: result.code, reason: result.reason });
  }
  return plan;
}
