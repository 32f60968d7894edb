/**
 * Reports and worklists at scale: N generated dossiers spread over the real communes (INSERT … SELECT from
 * generate_series), then the city-wide monthly processing report and an officer's worklist page, each timed over
 * several runs, against the bare ceiling of one indexed count over the same month in the same run.
 * Run: npm run bench:report [-- N]   (default 5,000,000)
 */
import 'reflect-metadata';
import { Test } from '@nestjs/testing';
import { TypeOrmModule } from '@nestjs/typeorm';
import { CalendarModule } from '@dvc/calendar';
import { AppConfigModule } from '@dvc/config';
import { buildDataSourceOptions } from '@dvc/database';
import { DossierQueriesService, DossiersModule } from '@dvc/dossiers';
import { ProcessingReportService, ReportFactsService, ReportingModule } from '@dvc/reporting';
import { ALL_ENTITIES } from '../apps/cli/src/entities';
import { benchEnv, freshBenchDatabase, loadAllConfig, machine } from './bench-env';

const N = Number(process.argv[2] ?? 5_000_000);
const RUNS = 50;
const WARM_UP = 2;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

async function main() {
  const config = loadAllConfig(benchEnv({ DATABASE_POOL_SIZE: '4' }));
  const db = await freshBenchDatabase(config);
  const started = performance.now();
  // Received over 2025–2026, 85% finished; a tenth still open; channel, timeliness and unit spread evenly.
  await db.query(`
    INSERT INTO dossiers (code, procedure_code, receiving_agency_code, receiving_unit_code, current_agency_code, current_scope_code, status, channel,
      rule_set, route, step_index, applicant, applicant_phone, form, components, result_delivery, submitted_at, received_at, due_at, finished_at, closed_at, version)
    WITH desks AS (
      SELECT array_agg(code ORDER BY code) AS codes, array_agg(unit_code ORDER BY code) AS units, array_agg(scope_code ORDER BY code) AS scopes, count(*)::int AS n
      FROM agencies WHERE kind = 'one_stop_desk'
    )
    SELECT 'BENCH-' || g, '1.001193', d.codes[1 + g % d.n], d.units[1 + g % d.n], d.codes[1 + g % d.n], d.scopes[1 + g % d.n],
      CASE WHEN g % 10 = 0 THEN 'processing' WHEN g % 23 = 0 THEN 'refused' ELSE 'result_returned' END,
      (ARRAY['online','direct','post'])[1 + g % 3], 'decree_118_2025', '[]', 1, '{"fullName":"Bench"}', '84900000000', '{}', '[]', 'desk',
      r, r, r + interval '3 days', CASE WHEN g % 10 = 0 THEN NULL ELSE r + (g % 97) * interval '1 hour' END,
      CASE WHEN g % 10 = 0 THEN NULL ELSE r + (g % 97) * interval '1 hour' END, 1
    FROM desks d, generate_series(1, $1) g
    CROSS JOIN LATERAL (SELECT timestamptz '2025-01-01' + (g % 700) * interval '1 day' + (g % 480) * interval '1 minute' AS r) t`, [N]);
  const generateSeconds = (performance.now() - started) / 1000;

  const moduleRef = await Test.createTestingModule({
    imports: [AppConfigModule.forRoot(config), TypeOrmModule.forRoot({ ...buildDataSourceOptions(config.database, ALL_ENTITIES) }), CalendarModule, DossiersModule, ReportingModule],
  }).compile();
  const reports = moduleRef.get(ProcessingReportService);
  const facts = moduleRef.get(ReportFactsService);
  // The insert's trigger wrote the facts as deltas in the same statement; the worker would fold them within seconds.
  let t0 = performance.now();
  const folded = await facts.compactAll(200_000);
  const compactSeconds = (performance.now() - t0) / 1000;
  await db.query('ANALYZE');
  t0 = performance.now();
  const mismatches = (await facts.verify()).length;
  const verifySeconds = (performance.now() - t0) / 1000;
  const queries = moduleRef.get(DossierQueriesService);
  const admin = { kind: 'officer' as const, id: '00000000-0000-0000-0000-000000000000', username: 'bench', roles: ['admin' as const], agencyCode: '000.00.00.H26', unitCode: '01', scopeCode: '000.00.00.H26' };
  const from = new Date('2026-03-01T00:00:00+07:00');
  const to = new Date('2026-04-01T00:00:00+07:00');
  const scopeRow = (await db.query(`SELECT current_scope_code FROM dossiers WHERE status = 'processing' LIMIT 1`))[0].current_scope_code;
  const officer = { ...admin, roles: ['receiving_officer' as const], scopeCode: scopeRow };

  const time = async (f: () => Promise<unknown>) => {
    const xs: number[] = [];
    for (let i = 0; i < WARM_UP; i++) await f();
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await f();
      xs.push(performance.now() - t0);
    }
    return { p50: +pct(xs, 50).toFixed(1), p95: +pct(xs, 95).toFixed(1) };
  };
  const ceiling = await time(() => db.query(`SELECT count(*) FROM dossiers WHERE received_at >= $1 AND received_at < $2`, [from, to]));
  const report = await time(() => reports.report(admin, '01', from, to));
  const worklist = await time(() => queries.list(officer, { limit: 20 }));
  await moduleRef.close();
  await db.destroy();
  process.stdout.write(`${JSON.stringify({
    benchmark: 'city-wide monthly processing report and worklist over generated dossiers', machine: machine(), dossiers: N, generateSeconds: Math.round(generateSeconds),
    facts: { deltasFolded: folded, compactSeconds: +compactSeconds.toFixed(1), verifySeconds: +verifySeconds.toFixed(1), mismatches }, runs: { warmUp: WARM_UP, timed: RUNS },
    ceilingIndexedMonthCountMs: ceiling, reportMs: report, worklistMs: worklist,
    targets: { report: '≤ 150 ms', worklistP95: '≤ 15 ms' },
    verdict: { report: report.p50 <= 150 ? 'met' : 'missed', worklist: worklist.p95 <= 15 ? 'met' : 'missed' },
  }, null, 2)}\n`);
  process.exit(0);
}

main().catch((error: unknown) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
