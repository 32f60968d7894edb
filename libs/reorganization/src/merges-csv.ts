import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import type { MergeRow } from '@dvc/core';

/** `new_code,new_name,old_code,old_name,merge_type` (shared/data/hanoi-2025-merges.csv), in file order. */
export function readMergesCsv(path: string): MergeRow[] {
  const rows: Record<string, string>[] = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, trim: true, bom: true });
  return rows.map((r) => ({
    newCode: r.new_code,
    newName: r.new_name,
    oldCode: r.old_code,
    oldName: r.old_name,
    mergeType: r.merge_type as MergeRow['mergeType'],
  }));
}
