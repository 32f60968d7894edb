import type { DataSource } from 'typeorm';
import { ReportFactsService } from '@dvc/reporting';

/** `report-facts verify` compares the statistics facts with a recount of the rows; `report-facts rebuild` recomputes them. */
export async function reportFactsCommand(db: DataSource, args: string[], log: (line: string) => void): Promise<number> {
  const facts = new ReportFactsService(db);
  const [action] = args;
  if (action === 'rebuild') {
    await facts.rebuild();
    log('report facts rebuilt from the dossiers and payments');
    return 0;
  }
  if (action !== 'verify') {
    log('usage: report-facts verify | rebuild');
    return 2;
  }
  log(`folded ${await facts.compactAll()} pending deltas`);
  const mismatches = await facts.verify();
  if (mismatches.length === 0) {
    log('report facts equal a recount of the rows');
    return 0;
  }
  for (const m of mismatches.slice(0, 20)) log(`mismatch: unit ${m.unitCode} day ${m.day} ${m.column}: facts ${m.facts}, rows ${m.rows}`);
  log(`${mismatches.length} mismatches; run "report-facts rebuild" after finding their cause`);
  return 1;
}
