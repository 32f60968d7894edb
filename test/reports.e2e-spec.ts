import { randomUUID } from 'node:crypto';
import { CalendarService } from '@dvc/calendar';
import { classifyTimeliness, fromLocal, type WorkingCalendar } from '@dvc/core';
import { ReportFactsService } from '@dvc/reporting';
import { officerToken, startTestApp, TestApp } from '@dvc/testing';

/** Generated dossiers in Quận Tây Hồ (003), which no other suite touches, covering every counting case. */
interface Gen {
  unit: string;
  channel: 'online' | 'direct' | 'post';
  status: string;
  receivedAt: Date | null;
  dueAt: Date | null;
  finishedAt: Date | null;
  /** Waiting for the applicant since (paused statuses only). */
  pausedAt?: Date | null;
}

const FROM = fromLocal('2026-08-15', '00:00');
const TO = fromLocal('2026-09-15', '00:00');

function mulberry32(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function generate(units: string[]): Gen[] {
  const rand = mulberry32(2026);
  const at = (ymd: string, hm: string) => fromLocal(ymd, hm);
  const fixed: Gen[] = [
    // finished on 2 September (a holiday) before its due day: on time, not early
    {
      unit: units[0],
      channel: 'online',
      status: 'result_returned',
      receivedAt: at('2026-08-28', '09:00'),
      dueAt: at('2026-09-04', '16:00'),
      finishedAt: at('2026-09-02', '10:00'),
    },
    // finished exactly at the due instant: on time
    {
      unit: units[1],
      channel: 'direct',
      status: 'resolved',
      receivedAt: at('2026-08-20', '09:00'),
      dueAt: at('2026-08-25', '16:00'),
      finishedAt: at('2026-08-25', '16:00'),
    },
    // finished a day early on a working day: early
    {
      unit: units[2],
      channel: 'post',
      status: 'result_returned',
      receivedAt: at('2026-08-20', '09:00'),
      dueAt: at('2026-08-25', '16:00'),
      finishedAt: at('2026-08-24', '16:00'),
    },
  ];
  const statuses = [
    'received',
    'processing',
    'awaiting_approval',
    'supplement_requested',
    'payment_requested',
    'resolved',
    'result_returned',
    'refused',
    'withdrawn',
    'new',
  ];
  const days = (n: number) => n * 86_400_000;
  const base = FROM.getTime() - days(20);
  const random: Gen[] = Array.from({ length: 160 }, () => {
    const status = statuses[Math.floor(rand() * statuses.length)];
    const unit = units[Math.floor(rand() * units.length)];
    const channel = (['online', 'direct', 'post'] as const)[Math.floor(rand() * 3)];
    const received = new Date(base + Math.floor(rand() * days(55)));
    const due = new Date(received.getTime() + days(1 + Math.floor(rand() * 10)) + Math.floor(rand() * 8) * 3_600_000);
    const ends = ['resolved', 'result_returned', 'refused', 'withdrawn'].includes(status);
    const finished = ends ? new Date(received.getTime() + Math.floor(rand() * days(14))) : null;
    // Some waits began before the period's end, some after it (then the dossier was still running at the end).
    const pausedAt = ['supplement_requested', 'payment_requested'].includes(status) ? new Date(received.getTime() + Math.floor(rand() * days(30))) : null;
    return {
      unit,
      channel,
      status,
      receivedAt: status === 'new' ? null : received,
      dueAt: status === 'new' ? null : due,
      finishedAt: finished,
      pausedAt: status === 'new' ? null : pausedAt,
    };
  });
  return [...fixed, ...random];
}

function recount(rows: Gen[], calendar: WorkingCalendar, unitOf: (u: string) => string) {
  const totals = new Map<string, Record<string, number>>();
  const bump = (u: string, k: string) => {
    const row = totals.get(unitOf(u)) ?? {};
    row[k] = (row[k] ?? 0) + 1;
    totals.set(unitOf(u), row);
  };
  for (const r of rows) {
    const rec = r.receivedAt;
    if (rec && rec < FROM && (!r.finishedAt || r.finishedAt >= FROM)) bump(r.unit, 'carriedOver');
    if (rec && rec >= FROM && rec < TO) bump(r.unit, r.channel);
    if (['resolved', 'result_returned'].includes(r.status) && r.finishedAt && r.finishedAt >= FROM && r.finishedAt < TO) {
      bump(r.unit, { early: 'early', on_time: 'onTime', late: 'late' }[classifyTimeliness({ dueAt: r.dueAt, finishedAt: r.finishedAt, calendar }) as 'early']);
    }
    if (rec && rec < TO && (!r.finishedAt || r.finishedAt >= TO)) {
      // As of the end of the period (it ended before now): waiting for the applicant then means paused.
      const waiting = r.pausedAt && r.pausedAt <= TO ? r.status : 'processing';
      const state = classifyTimeliness({ dueAt: r.dueAt, finishedAt: null, status: waiting as 'processing', now: TO, calendar });
      bump(r.unit, state === 'overdue' ? 'overdue' : state === 'paused' ? 'paused' : 'withinDeadline');
    }
    if (r.status === 'supplement_requested' && (!rec || rec < TO)) bump(r.unit, 'supplementPending');
    if (r.status === 'withdrawn' && r.finishedAt && r.finishedAt >= FROM && r.finishedAt < TO) bump(r.unit, 'withdrawn');
    if (r.status === 'refused' && r.finishedAt && r.finishedAt >= FROM && r.finishedAt < TO) bump(r.unit, 'refused');
  }
  return totals;
}

describe('statistics report', () => {
  let t: TestApp;
  let admin: string;
  let communes: string[];
  let rows: Gen[];
  const codes: string[] = [];

  type ReportRow = { unitCode: string; received: object; resolved: object; inProgress: object; supplementPending: number; withdrawn: number; refused: number };
  const report = (from = FROM, to = TO) =>
    t.http
      .get('/api/v1/reports/processing')
      .query({ unitCode: '003', from: from.toISOString(), to: to.toISOString() })
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
  async function expectRecount(body: { rows: ReportRow[] }) {
    const calendar = await t.app.get(CalendarService).calendarFor(null);
    const expected = recount(rows, calendar, (u) => u);
    const flat = (r: ReportRow) => ({
      ...r.received,
      ...r.resolved,
      ...r.inProgress,
      supplementPending: r.supplementPending,
      withdrawn: r.withdrawn,
      refused: r.refused,
    });
    expect(body.rows.some((r) => (r.inProgress as { paused: number }).paused > 0)).toBe(true);
    for (const row of body.rows) {
      const want = expected.get(row.unitCode) ?? {};
      const got = flat(row) as Record<string, number>;
      for (const key of Object.keys(got)) expect({ unit: row.unitCode, key, value: got[key] }).toEqual({ unit: row.unitCode, key, value: want[key] ?? 0 });
    }
  }

  beforeAll(async () => {
    t = await startTestApp();
    admin = await officerToken(t.http, 'admin');
    communes = (await t.db.query(`SELECT code FROM units WHERE parent_code = '003' ORDER BY code LIMIT 4`)).map((r: { code: string }) => r.code);
    rows = generate([...communes, '003']);
    for (const [i, r] of rows.entries()) {
      codes.push(`GEN.REPORT-${i}-${randomUUID().slice(0, 8)}`);
      await t.db.query(
        `INSERT INTO dossiers (code, procedure_code, receiving_agency_code, receiving_unit_code, current_agency_code, current_scope_code, status, channel, rule_set,
           route, step_index, applicant, applicant_phone, form, components, result_delivery, submitted_at, received_at, due_at, finished_at, closed_at, paused_at, version)
         VALUES ($1, '1.001193', 'GEN', $2, 'GEN', $2, $3::varchar, $4, 'decree_118_2025', '[]', 0, '{"fullName":"Gen"}', '84900000000', '{}', '[]', 'desk',
           COALESCE($5::timestamptz, now()), $5::timestamptz, $6::timestamptz, $7::timestamptz, CASE WHEN $3::varchar IN ('result_returned','refused','withdrawn','stopped') THEN $7::timestamptz END, $8::timestamptz, 1)`,
        [codes[i], r.unit, r.status, r.channel, r.receivedAt, r.dueAt, r.finishedAt, r.pausedAt ?? null],
      );
    }
  });
  afterAll(async () => {
    await t.db.query('DELETE FROM calendar_years WHERE year = 2023');
    await t.close();
  });

  it('a day off an administrator stores for 2023 changes a report on 2023', async () => {
    // Finished Monday 6/3/2023, due Tuesday 7/3: early on a working day, only on time once 6/3 is a day off
    const code = `GEN.REPORT-2023-${randomUUID().slice(0, 8)}`;
    await t.db.query(
      `INSERT INTO dossiers (code, procedure_code, receiving_agency_code, receiving_unit_code, current_agency_code, current_scope_code, status, channel, rule_set,
         route, step_index, applicant, applicant_phone, form, components, result_delivery, submitted_at, received_at, due_at, finished_at, closed_at, version)
       VALUES ($1, '1.001193', 'GEN', $2, 'GEN', $2, 'result_returned', 'direct', 'decree_61_2018', '[]', 0, '{"fullName":"Gen"}', '84900000000', '{}', '[]', 'desk',
         $3, $3, $4, $5, $5, 1)`,
      [code, communes[3], fromLocal('2023-03-01', '09:00'), fromLocal('2023-03-07', '16:00'), fromLocal('2023-03-06', '10:00')],
    );
    const resolvedIn = async (from: Date, to: Date) =>
      (await report(from, to)).body.rows.find((r: { unitCode: string }) => r.unitCode === communes[3]).resolved;
    const march = [fromLocal('2023-03-01', '00:00'), fromLocal('2023-04-01', '00:00')] as const;
    const offMidnight = [new Date(march[0].getTime() + 1), new Date(march[1].getTime() + 1)] as const;
    expect(await resolvedIn(...march)).toEqual({ early: 1, onTime: 0, late: 0 });
    const year = (await t.http.get('/api/v1/admin/calendar/2023').set('Authorization', `Bearer ${admin}`).expect(200)).body;
    await t.http
      .put('/api/v1/admin/calendar/2023')
      .set('Authorization', `Bearer ${admin}`)
      .send({ holidays: [...year.holidays, { date: '2023-03-06', name: 'Nghỉ đột xuất' }], workingWeekendDays: [] })
      .expect(200);
    expect(await resolvedIn(...march)).toEqual({ early: 0, onTime: 1, late: 0 }); // from the facts
    expect(await resolvedIn(...offMidnight)).toEqual({ early: 0, onTime: 1, late: 0 }); // from the rows
    await t.db.query('DELETE FROM dossiers WHERE code = $1', [code]);
  });

  it('equals a brute-force recount for every child unit, and the total adds up', async () => {
    const res = await report();
    await expectRecount(res.body);
    for (const key of ['early', 'onTime', 'late']) {
      expect(res.body.total.resolved[key]).toBe(res.body.rows.reduce((s: number, r: { resolved: Record<string, number> }) => s + r.resolved[key], 0));
    }
    // the fixed cases landed where the rule says
    expect(res.body.rows.find((r: { unitCode: string }) => r.unitCode === communes[0]).resolved.onTime).toBeGreaterThanOrEqual(1);
    expect(res.body.rows.find((r: { unitCode: string }) => r.unitCode === communes[2]).resolved.early).toBeGreaterThanOrEqual(1);
  });

  it('asked at instants off midnight it counts the rows, and agrees with the facts', async () => {
    // Nothing was generated in the millisecond before either bound, so both periods hold the same dossiers.
    const facts = await report();
    const raw = await report(new Date(FROM.getTime() - 1), new Date(TO.getTime() - 1));
    expect(raw.body.rows).toEqual(facts.body.rows);
    expect(raw.body.total).toEqual(facts.body.total);
  });

  it('follows every later change of the rows, racing compactors included, and the facts stay equal to a recount', async () => {
    const facts = t.app.get(ReportFactsService);
    const at = (ymd: string, hm: string) => fromLocal(ymd, hm);
    const open = rows
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => r.receivedAt && !r.finishedAt)
      .slice(0, 24);
    // A dossier finishes after it was received (the table's check constraints say so).
    const after = (r: Gen, t: Date) => new Date(Math.max(t.getTime(), (r.receivedAt as Date).getTime() + 3_600_000));
    const changes = open.map(({ r, i }, k) => async () => {
      if (k % 4 === 0) Object.assign(r, { status: 'result_returned', finishedAt: after(r, at('2026-09-10', '10:00')) });
      else if (k % 4 === 1) Object.assign(r, { dueAt: new Date((r.dueAt ?? FROM).getTime() + 5 * 86_400_000) });
      else if (k % 4 === 2) Object.assign(r, { status: 'withdrawn', finishedAt: after(r, at('2026-08-20', '15:00')) });
      else Object.assign(r, { unit: communes[(communes.indexOf(r.unit) + 1) % communes.length] });
      await t.db.query(`UPDATE dossiers SET status = $2, finished_at = $3, due_at = $4, receiving_unit_code = $5 WHERE code = $1`, [
        codes[i],
        r.status,
        r.finishedAt,
        r.dueAt,
        r.unit,
      ]);
    });
    expect(changes.length).toBeGreaterThanOrEqual(12);
    await Promise.all([...changes.map((change) => change()), facts.compact(7), facts.compact(7), facts.compactAll(5)]);
    const raw = await report(new Date(FROM.getTime() - 1), new Date(TO.getTime() - 1));
    await expectRecount(raw.body);
    await expectRecount((await report()).body);
    await facts.compactAll();
    await expectRecount((await report()).body);
    expect(await t.db.query(`SELECT count(*)::int AS n FROM report_fact_deltas WHERE unit_code = ANY($1)`, [[...communes, '003']])).toEqual([{ n: 0 }]);
    expect(await facts.verify()).toEqual([]);
  });

  it('drills down city → district: the district row at city level equals the district report total', async () => {
    const q = { from: FROM.toISOString(), to: TO.toISOString() };
    const city = await t.http
      .get('/api/v1/reports/processing')
      .query({ ...q, unitCode: '01' })
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    const district = await t.http
      .get('/api/v1/reports/processing')
      .query({ ...q, unitCode: '003' })
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    const row = city.body.rows.find((r: { unitCode: string }) => r.unitCode === '003');
    const strip = (r: Record<string, unknown>) => ({ ...r, unitCode: undefined, unitName: undefined });
    expect(strip(row)).toEqual(strip(district.body.total));
    expect(city.body.rows.filter((r: { unitCode: string }) => r.unitCode.length === 3)).toHaveLength(30);
  });

  it('exports CSV, and only leaders of the unit (or administrators) may read it', async () => {
    const q = { from: FROM.toISOString(), to: TO.toISOString(), unitCode: '003', format: 'csv' };
    const csv = await t.http.get('/api/v1/reports/processing').query(q).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.text).toContain('Giải quyết trước hạn');
    expect(csv.text.trim().split('\r\n').length).toBeGreaterThan(2);
    const leaderHk = await officerToken(t.http, 'ld.hoankiem');
    await t.http
      .get('/api/v1/reports/processing')
      .query({ ...q, format: 'json' })
      .set('Authorization', `Bearer ${leaderHk}`)
      .expect(404);
    await t.http
      .get('/api/v1/reports/processing')
      .query({ ...q, unitCode: '002', format: 'json' })
      .set('Authorization', `Bearer ${leaderHk}`)
      .expect(200);
    const desk = await officerToken(t.http, 'tn.trangtien');
    await t.http.get('/api/v1/reports/processing').query(q).set('Authorization', `Bearer ${desk}`).expect(403);
    await t.http
      .get('/api/v1/reports/processing')
      .query({ unitCode: '003', from: TO.toISOString(), to: FROM.toISOString() })
      .set('Authorization', `Bearer ${admin}`)
      .expect(422);
  });

  it('the usage report shows SMS and payments per unit, as JSON and CSV', async () => {
    const q = { from: new Date(Date.now() - 86_400_000).toISOString(), to: new Date(Date.now() + 86_400_000).toISOString() };
    const res = await t.http.get('/api/v1/reports/usage').query(q).set('Authorization', `Bearer ${admin}`).expect(200);
    expect(res.body.rows.find((r: { unitCode: string }) => r.unitCode === '002')).toEqual(
      expect.objectContaining({ dossiersHandled: expect.any(Number), sms: expect.any(Object), payments: expect.any(Object) }),
    );
    // A dossier handled at two units counts in both rows and once in the total (exact figures: usage-report.e2e-spec.ts).
    expect(res.body.total.dossiersHandled).toBeLessThanOrEqual(res.body.rows.reduce((s: number, r: { dossiersHandled: number }) => s + r.dossiersHandled, 0));
    const csv = await t.http
      .get('/api/v1/reports/usage')
      .query({ ...q, format: 'csv' })
      .set('Authorization', `Bearer ${admin}`)
      .expect(200);
    expect(csv.text).toContain('Phí giao dịch (đồng)');
  });
});
