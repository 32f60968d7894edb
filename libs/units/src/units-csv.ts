import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { adminLevelFromNumber, type AdminUnitRecord } from '@dvc/core';

export const UNITS_FILE = 'hanoi-units-3level.csv';

/** Parses `code,name,type,level,parent_code`; a malformed row stops the import with its line number. */
export function readUnitsCsv(path: string): AdminUnitRecord[] {
  const rows: Record<string, string>[] = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, trim: true, bom: true });
  return rows.map((row, i) => {
    const line = i + 2;
    const level = adminLevelFromNumber(row.level ?? '');
    if (!row.code || !/^\d{2,5}$/.test(row.code)) throw new Error(`${path}:${line}: bad unit code "${row.code}"`);
    if (!level) throw new Error(`${path}:${line}: bad level "${row.level}"`);
    if (!row.name) throw new Error(`${path}:${line}: missing name`);
    if (level !== 'city' && !row.parent_code) throw new Error(`${path}:${line}: ${row.code} has no parent`);
    return { code: row.code, name: row.name, type: row.type ?? '', level, parentCode: row.parent_code || null };
  });
}
