import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditLog, cliActor } from '@dvc/audit';
import { readMergesCsv, ReorganizationService } from '@dvc/reorganization';

const MERGES_FILE = 'hanoi-2025-merges.csv';

/** `reorganize --effective 2025-07-01 [--name N] [--override 00079=00082 …] [--apply]`: a dry run unless --apply. */
export async function reorganizeCommand(db: DataSource, dataDir: string, args: string[], log: (line: string) => void): Promise<number> {
  const value = (flag: string) => {
    const i = args.indexOf(flag);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const effectiveDate = value('--effective');
  if (!effectiveDate) {
    process.stderr.write('reorganize needs --effective YYYY-MM-DD\n');
    return 2;
  }
  const overrides: Record<string, string> = {};
  args.forEach((a, i) => {
    if (a === '--override' && args[i + 1]?.includes('=')) {
      const [oldCode, newCode] = args[i + 1].split('=');
      overrides[oldCode] = newCode;
    }
  });
  const summary = await new ReorganizationService(db, new AuditLog()).apply({
    name: value('--name') ?? `Hà Nội ${effectiveDate} — chính quyền hai cấp`,
    effectiveDate,
    merges: readMergesCsv(join(resolve(dataDir), MERGES_FILE)),
    overrides,
    dryRun: !args.includes('--apply'),
    appliedBy: 'cli',
    by: cliActor('reorganize'),
  });
  log(JSON.stringify(summary, null, 2));
  return 0;
}
