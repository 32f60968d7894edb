import { randomUUID } from 'node:crypto';
import { fromLocal } from '@dvc/core';
import { ReportFactsService } from '@dvc/reporting';
import { officerToken, startTestApp, TestApp } from '@dvc/testing';

/**
 * The statistics tell the truth (issue "The legal clock and the statistics"): in-progress figures as of min(now, to),
 * a dossier waiting for the applicant counted on its own line and never overdue, a second supplementation request
 * counted late, satisfaction, refunds apart from collections, bare dates as Hà Nội days. Rows in Quận Đống Đa (006),
 * which no other suite touches; every expected figure is counted by hand from the rows below.
 */
describe('statistics report: what it says is true', () => {
  let t: TestApp;
  let admin: string;
  const HOUR = 3_600_000;
  const now = new Date();
  const ago = (hours: number) => new Date(now.getTime() - hours * HOUR);
  const ids = new Map<string, string>();

  async function dossier(
    name: string,
    unit: string,
    o: { status: string; receivedAt: Date; dueAt: Date; finishedAt?: Date; pausedAt?: Date; supplementRequests?: number; rating?: string },
  ) {
    const code = `GEN.TRUTH-${name}-${randomUUID().slice(0, 8)}`;
    const closed = ['result_returned', 'refused', 'withdrawn', 'stopped'].includes(o.status);
    const [row] = await t.db.query(
      `INSERT INTO dossiers (code, procedure_code, receiving_agency_code, receiving_unit_code, current_agency_code, current_scope_code, status, channel, rule_set,
         route, step_index, applicant, applicant_phone, form, components, result_delivery, submitted_at, received_at, due_at, finished_at, closed_at, paused_at,
         supplement_requests, rating, version)
       VALUES ($1, '1.001193', 'GEN', $2, 'GEN', $2, $3, 'online', 'decree_118_2025', '[]', 0, '{"fullName":"Gen"}', '84900000000', '{}', '[]', 'desk',
         $4, $4, $5, $6, $7, $8, $9, $10, 1) RETURNING id`,
      [
        code,
        unit,
        o.status,
        o.receivedAt,
        o.dueAt,
        o.finishedAt ?? null,
        closed ? o.finishedAt : null,
        o.pausedAt ?? null,
        o.supplementRequests ?? 0,
        o.rating ? { rating: o.rating, reason: o.rating === 'unsatisfied' ? 'Chậm' : null, ratedAt: now.toISOString() } : null,
      ],
    );
    ids.set(name, row.id);
    return row.id as string;
  }
  async function payment(dossierName: string, amount: number, refunded: boolean) {
    await t.db.query(
      `INSERT INTO payments (dossier_id, dossier_code, agency_code, method, txn_ref, amount_vnd, status, paid_at, refunded_at, created_by)
       SELECT id, code, 'GEN', 'cash', $2, $3, $4, now(), $5, 'officer:test' FROM dossiers WHERE id = $1`,
      [ids.get(dossierName), `T${randomUUID().slice(0, 12)}`, amount, refunded ? 'refunded' : 'paid', refunded ? now : null],
    );
  }
  const report = async (from: string, to: string) =>
    (await t.http.get('/api/v1/reports/processing').query({ unitCode: '006', from, to }).set('Authorization', `Bearer ${admin}`).expect(200)).body;
  const rowOf = (body: { rows: { unitCode: string }[] }, unit: string) => body.rows.find((r) => r.unitCode === unit) as Record<string, unknown>;
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Ho_Chi_Minh' }).format(now);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await officerToken(t.http, 'admin');
    // Today, at Phường Cát Linh (00178) and Văn Miếu - Quốc Tử Giám (00181).
    await dossier('due-later-today', '00178', { status: 'processing', receivedAt: ago(48), dueAt: new Date(now.getTime() + 60_000) });
    await dossier('overdue', '00178', { status: 'processing', receivedAt: ago(48), dueAt: ago(0.5) });
    await dossier('waiting-supplement', '00178', {
      status: 'supplement_requested',
      receivedAt: ago(96),
      dueAt: ago(24),
      pausedAt: ago(72),
      supplementRequests: 1,
    });
    await dossier('waiting-payment', '00178', { status: 'payment_requested', receivedAt: ago(48), dueAt: ago(0.2), pausedAt: ago(1) });
    await dossier('asked-twice', '00178', {
      status: 'resolved',
      receivedAt: ago(48),
      dueAt: new Date(now.getTime() + 72 * HOUR),
      finishedAt: now,
      supplementRequests: 2,
      rating: 'very_satisfied',
    });
    await dossier('on-time-a', '00178', {
      status: 'result_returned',
      receivedAt: ago(48),
      dueAt: new Date(now.getTime() + 60_000),
      finishedAt: now,
      rating: 'satisfied',
    });
    await dossier('on-time-b', '00178', {
      status: 'result_returned',
      receivedAt: ago(48),
      dueAt: new Date(now.getTime() + 60_000),
      finishedAt: now,
      rating: 'unsatisfied',
    });
    await dossier('overdue-b', '00181', { status: 'awaiting_approval', receivedAt: ago(200), dueAt: ago(120) });
    await payment('asked-twice', 10_000, false);
    await payment('on-time-a', 20_000, true);

    // October 2026 at Phường Láng Thượng (00187): judged at 1 November 00:00, with the waits as they were then.
    const oct = (ymd: string, hm: string) => fromLocal(ymd, hm);
    await dossier('oct-waiting', '00187', {
      status: 'supplement_requested',
      receivedAt: oct('2026-10-05', '09:00'),
      dueAt: oct('2026-10-20', '16:00'),
      pausedAt: oct('2026-10-15', '10:00'),
    });
    const resumed = await dossier('oct-waited-past-end', '00187', {
      status: 'supplement_requested',
      receivedAt: oct('2026-10-05', '09:00'),
      dueAt: oct('2026-10-20', '16:00'),
      pausedAt: oct('2026-10-10', '10:00'),
    });
    // It resumed after the period (now): its due time moved past the period's end, as extendByPause does.
    await t.db.query(`UPDATE dossiers SET status = 'processing', paused_at = NULL, due_at = $2 WHERE id = $1`, [resumed, oct('2026-11-20', '16:00')]);
    await dossier('oct-overdue', '00187', { status: 'processing', receivedAt: oct('2026-10-05', '09:00'), dueAt: oct('2026-10-25', '16:00') });
    await dossier('oct-paused-after-end', '00187', {
      status: 'supplement_requested',
      receivedAt: oct('2026-10-05', '09:00'),
      dueAt: oct('2026-10-25', '16:00'),
      pausedAt: oct('2026-11-10', '10:00'),
    });
  });
  afterAll(() => t.close());

  it('today (bare dates, a Hà Nội day): in progress as of now, waits apart, breaches late, satisfaction, refunds', async () => {
    const body = await report(today, today);
    expect(Date.parse(body.from)).toBe(fromLocal(today).getTime());
    expect(Date.parse(body.to)).toBe(fromLocal(today).getTime() + 24 * HOUR);
    expect(Date.parse(body.asOf)).toBeLessThanOrEqual(Date.now());
    expect(rowOf(body, '00178')).toMatchObject({
      inProgress: { withinDeadline: 1, overdue: 1, paused: 2 },
      resolved: { early: 0, onTime: 2, late: 1 },
      satisfaction: { verySatisfied: 1, satisfied: 1, unsatisfied: 1, rate: 0.6667 },
      feesCollected: 30_000,
      fees: { collected: 30_000, refunded: 20_000, net: 10_000 },
    });
    expect(rowOf(body, '00181')).toMatchObject({ inProgress: { withinDeadline: 0, overdue: 1, paused: 0 } });
    // Láng Thượng's October dossiers are open now too: one waiting, one paused since November, two past due.
    expect(rowOf(body, '00187')).toMatchObject({ inProgress: { withinDeadline: 0, overdue: 2, paused: 2 } });
    expect(body.total).toMatchObject({ inProgress: { withinDeadline: 1, overdue: 4, paused: 4 }, fees: { collected: 30_000, refunded: 20_000, net: 10_000 } });
    // The same period written as instants.
    const next = new Date(fromLocal(today).getTime() + 24 * HOUR).toISOString();
    const instants = await report(fromLocal(today).toISOString(), next);
    expect(instants.rows).toEqual(body.rows);
  });

  it('a past period: in progress at its end, dossiers then waiting counted paused (facts and rows agree)', async () => {
    const facts = await report('2026-10-01', '2026-10-31');
    expect(facts.asOf).toBe(fromLocal('2026-11-01').toISOString());
    expect(rowOf(facts, '00187')).toMatchObject({ inProgress: { withinDeadline: 0, overdue: 2, paused: 2 } });
    const raw = await report(new Date(fromLocal('2026-10-01').getTime() - 1).toISOString(), new Date(fromLocal('2026-11-01').getTime() - 1).toISOString());
    expect(rowOf(raw, '00187')).toMatchObject({ inProgress: { withinDeadline: 0, overdue: 2, paused: 2 } });
    const service = t.app.get(ReportFactsService);
    await service.compactAll();
    expect(rowOf(await report('2026-10-01', '2026-10-31'), '00187')).toEqual(rowOf(facts, '00187'));
    expect((await service.verify()).filter((m) => ['00178', '00181', '00187'].includes(m.unitCode))).toEqual([]);
  });

  it('the overdue count of today equals what the worklist filter would find: none waiting, none due later today', async () => {
    const [{ n }] = await t.db.query(
      `SELECT count(*)::int AS n FROM dossiers WHERE receiving_unit_code = '00178' AND received_at IS NOT NULL AND finished_at IS NULL
         AND status NOT IN ('supplement_requested', 'payment_requested') AND due_at < now()`,
    );
    expect(n).toBe(1);
  });
});
