import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { DomainError, recordsOfImportFile } from '@dvc/core';

export interface ImportSource {
  records: unknown[];
  /** Where each record came from, by its position in `records`: the file, and its position there from 1. */
  origins: { file: string; index: number }[];
}

/**
 * The records of a JSON file, or of every `*.json` file of a folder (by name), read in place. A relative path is
 * looked for where the command runs, then in the data folder (`catalog:import tthc/national-portal-records`).
 * A malformed file refuses the whole import, naming the file.
 */
export function readImportSource(path: string, dataDir: string): ImportSource {
  const full = [resolve(path), resolve(dataDir, path)].find((p) => existsSync(p));
  if (!full) throw new Error(`${path} was found neither here nor in the data folder ${resolve(dataDir)}`);
  const files = statSync(full).isDirectory()
    ? readdirSync(full)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => join(full, f))
    : [full];
  const source: ImportSource = { records: [], origins: [] };
  for (const file of files) {
    let records: unknown[];
    try {
      records = recordsOfImportFile(readFileSync(file));
    } catch (error) {
      const detail = error instanceof DomainError ? error.fieldErrors.map((e) => e.message).join('; ') || error.message : String(error);
      throw new Error(`${basename(file)}: ${detail}; nothing was imported`);
    }
    records.forEach((r, i) => {
      source.records.push(r);
      source.origins.push({ file: basename(file), index: i + 1 });
    });
  }
  return source;
}
