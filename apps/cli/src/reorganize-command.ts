import { join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditLog, cliActor } from '@dvc/audit';
import { readMergesCsv, ReorganizationService } from '@dvc/reorganization';
import { UnitsService } from '@dvc/units';

const MERGES_FILE = 'hanoi-2025-merges.csv';

/**
 * `reorganize --effective 2025-07-01 [--name N] [--override 00079=00082 …] [--grant-officers OLD …] [--apply]`: a dry
 * run unless --apply; applied, it is scheduled and takes effect at once when its date has come (else the worker does it).
 */
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
  const grants = args.flatMap((a, i) => (a === '--grant-officers' && args[i + 1] ? [args[i + 1]] : []));
  const summary = await new ReorganizationService(db, new UnitsService(db), new AuditLog()).request({
    name: value('--name') ?? `Hà Nội ${effectiveDate} — chính quyền hai cấp`,
    effectiveDate,
    merges: readMergesCsv(join(resolve(dataDir), MERGES_FILE)),
    overrides,
    officers: { units: Object.fromEntries(grants.map((code) => [code, 'grant' as const])) },
    dryRun: !args.includes('--apply'),
    requestedBy: 'cli',
    by: cliActor('reorganize'),
  });
  log(JSON.stringify(summary, null, 2));
  return 0;
}
