import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { AuditLog, cliActor } from '@dvc/audit';
import { ProcedureImportService, readImportSource } from '@dvc/catalog';

export const CATALOGUE_SIZE = 2000;

/** One CSV line of catalog-5670.csv into its cells (quoted cells may hold commas). */
function cells(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

/**
 * The catalogue at the size the issue names: the 502 real national-portal records (those the import accepts),
 * then variants up to CATALOGUE_SIZE procedures in all — each a real record's structure (time, fees, components)
 * under the code, name and field of a procedure of the national catalogue list (catalog-5670.csv) not among them,
 * so the names searched are real names. Both through the import the administrators use.
 */
export async function loadCatalogue(db: DataSource, dataDir: string): Promise<Record<string, unknown>> {
  const folder = join(dataDir, 'tthc', 'national-portal-records');
  const list = join(dataDir, 'tthc', 'catalog-5670.csv');
  if (!existsSync(folder) || !existsSync(list)) throw new Error(`catalogue benchmark: needs ${folder} and ${list}`);
  const imports = new ProcedureImportService(db, new AuditLog());
  const by = cliActor('bench:catalogue');
  let started = Date.now();
  const real = await imports.importRecords(readImportSource(folder, dataDir).records, by);
  const realMs = Date.now() - started;
  const have = async () => Number((await db.query('SELECT count(*) AS n FROM procedures WHERE active'))[0].n);
  const stored = new Set<string>((await db.query('SELECT code FROM procedures')).map((r: { code: string }) => r.code));
  const templates = readImportSource(folder, dataDir).records.filter((r) => stored.has(String((r as { data: { code: string } }).data.code))) as {
    data: Record<string, unknown>;
  }[];
  const rows = readFileSync(list, 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .map(cells)
    .filter(([code, name]) => code && name && !stored.has(code));
  const variant = ([code, name, field]: string[], i: number) => {
    const r = structuredClone(templates[i % templates.length]);
    r.data.code = code;
    r.data.name = name;
    if (Array.isArray(r.data.categoriesDetails) && r.data.categoriesDetails[0]) (r.data.categoriesDetails[0] as Record<string, unknown>).name = field;
    return r;
  };
  started = Date.now();
  const generated = { records: 0, created: 0, rejected: 0 };
  // A variant the import rejects (its template's fees read implausibly for that case …) is made up by the next.
  for (let next = 0, missing = CATALOGUE_SIZE - (await have()); missing > 0 && next < rows.length; missing = CATALOGUE_SIZE - (await have())) {
    const batch = rows.slice(next, next + missing).map((row, i) => variant(row, next + i));
    next += batch.length;
    const report = await imports.importRecords(batch, by);
    generated.records += batch.length;
    generated.created += report.created;
    generated.rejected += report.rejected.length;
  }
  const variantsMs = Date.now() - started;
  // What autovacuum does to a table after such a load: statistics, and the visibility map index-only scans need.
  await db.query('VACUUM ANALYZE procedures');
  return {
    procedures: await have(),
    real: {
      records: real.created + real.updated + real.rejected.length,
      created: real.created,
      updated: real.updated,
      rejected: real.rejected.length,
      ms: realMs,
    },
    variants: { ...generated, ms: variantsMs },
  };
}
