import {
  classifyTimeliness,
  DOSSIER_STATUSES,
  formatYmd,
  fromLocal,
  isPausedSql,
  resolvedBeforeDueDaySql,
  resolvedLateSql,
  resolvedNotLateSql,
  RESOLVED_STATUSES,
  WorkingCalendar,
  workingDaySql,
  type DossierStatus,
  type TimelinessColumns,
} from '@dvc/core';
import { startTestApp, TestApp } from '@dvc/testing';

/**
 * The SQL the statistics, the worklist filter and the sweep run (timeliness-sql.ts) classifies a few thousand
 * generated dossiers exactly as classifyTimeliness does, holidays and swapped working days included.
 */
describe('timeliness SQL = classifyTimeliness', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('agrees on every generated case', async () => {
    let seed = 766;
    const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    const holidays = ['2026-09-01', '2026-09-02', '2026-04-30', '2026-05-01'];
    const working = ['2026-09-05'];
    const calendar = new WorkingCalendar({ holidays, workingWeekendDays: working });
    const base = fromLocal('2026-04-20').getTime();
    const cases = Array.from({ length: 3000 }, () => {
      const due = rand() < 0.1 ? null : new Date(base + Math.floor(rand() * 150 * 86_400_000));
      const finished = rand() < 0.2 ? null : new Date(base + Math.floor(rand() * 150 * 86_400_000));
      const status = DOSSIER_STATUSES[Math.floor(rand() * DOSSIER_STATUSES.length)] as DossierStatus;
      return { status, due, finished, requests: Math.floor(rand() * 3), now: new Date(base + Math.floor(rand() * 150 * 86_400_000)) };
    });
    const c: TimelinessColumns = { status: 'v.status', dueAt: 'v.due', finishedAt: 'v.finished', supplementRequests: 'v.requests' };
    const day = (x: string) => `(${x} AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`;
    const rows: { late: boolean; not_late: boolean; early: boolean; paused: boolean; overdue: boolean }[] = await t.db.query(
      `SELECT ${resolvedLateSql(c)} AS late, ${resolvedNotLateSql(c)} AS not_late,
         (${resolvedBeforeDueDaySql(c, day)} AND ${workingDaySql(day('v.finished'), '$6', '$7')}) AS early,
         ${isPausedSql('v.status')} AS paused, (v.finished IS NULL AND NOT ${isPausedSql('v.status')} AND v.due < v.now) AS overdue
       FROM unnest($1::varchar[], $2::timestamptz[], $3::timestamptz[], $4::int[], $5::timestamptz[]) WITH ORDINALITY AS v(status, due, finished, requests, now, i)
       ORDER BY v.i`,
      [
        cases.map((x) => x.status),
        cases.map((x) => x.due),
        cases.map((x) => x.finished),
        cases.map((x) => x.requests),
        cases.map((x) => x.now),
        holidays,
        working,
      ],
    );
    const resolved = new Set<string>(RESOLVED_STATUSES);
    cases.forEach((x, i) => {
      const js = classifyTimeliness({ dueAt: x.due, finishedAt: x.finished, status: x.status, supplementRequests: x.requests, now: x.now, calendar });
      const sql = rows[i];
      const label = { ...x, finishedDay: x.finished && formatYmd(x.finished), js, sql };
      if (x.finished && resolved.has(x.status)) {
        const fromSql = sql.late ? 'late' : sql.early ? 'early' : sql.not_late ? 'on_time' : 'none';
        expect({ label, fromSql }).toEqual({ label, fromSql: js });
      } else if (!x.finished) {
        const fromSql = sql.paused ? 'paused' : sql.overdue ? 'overdue' : 'within_deadline';
        expect({ label, fromSql }).toEqual({ label, fromSql: js });
      }
    });
  });
});
