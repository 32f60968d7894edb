import { DataSource } from 'typeorm';
import { AuditLog, cliActor } from '@dvc/audit';
import { ProcedureImportService, readImportSource } from '@dvc/catalog';

/** `catalog:import <file-or-folder>`: national-portal records into the catalogue, in one transaction. */
export async function catalogImportCommand(db: DataSource, dataDir: string, args: string[], log: (line: string) => void): Promise<number> {
  const path = args[0];
  if (!path) {
    process.stderr.write('catalog:import needs a JSON file or a folder of them, e.g. catalog:import tthc/national-portal-records\n');
    return 2;
  }
  let source: ReturnType<typeof readImportSource>;
  try {
    source = readImportSource(path, dataDir);
  } catch (error) {
    process.stderr.write(`catalog:import: ${(error as Error).message}\n`);
    return 1;
  }
  const started = Date.now();
  const report = await new ProcedureImportService(db, new AuditLog()).importRecords(source.records, cliActor('catalog:import'));
  for (const r of report.rejected) {
    const origin = source.origins[r.line - 1];
    log(`rejected ${origin.file}${origin.index > 1 ? ` #${origin.index}` : ''} (${r.code ?? 'no code'}): ${r.reason}`);
  }
  log(
    `imported ${source.records.length} records in ${Date.now() - started} ms: ${report.created} created, ${report.updated} updated (${report.unchanged} unchanged), ${report.rejected.length} rejected`,
  );
  return 0;
}
