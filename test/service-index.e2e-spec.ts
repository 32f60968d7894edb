import { randomUUID } from 'node:crypto';
import { fromLocal } from '@dvc/core';
import { citizenToken, officerToken, startTestApp, TestApp } from '@dvc/testing';

/**
 * The service index (Decision 766/QĐ-TTg's indicators our records decide) on a data set made here, in two communes of
 * Quận Hai Bà Trưng (007), which no other suite touches, in May 2026. Every expected figure is counted by hand below.
 */
const A = '00241'; // Phường Nguyễn Du
const B = '00244'; // Phường Bạch Đằng
const at = (ymd: string, hm: string) => fromLocal(ymd, hm);
const PERIOD = { from: '2026-05-01', to: '2026-05-31' }; // bare dates: 1 May 00:00 to 1 June 00:00, +07:00

interface Spec {
  unit: string;
  channel: 'online' | 'direct' | 'post';
  receivedAt: Date;
  dueAt: Date;
  finishedAt?: Date;
  status: string;
  supplementRequests?: number;
  resultFiles?: boolean;
  returnedOnline?: boolean;
  sync?: 'ok' | 'failed';
  rating?: [rating: 'very_satisfied' | 'satisfied' | 'unsatisfied', at: Date];
  payments?: [method: 'vnpay' | 'cash', status: string, paidAt: Date | null][];
}

// The data set. "in" = counts for the period [1 May, 1 June) in Hà Nội.
const DOSSIERS: Record<string, Spec> = {
  // received in; resolved in before due; result file; synced; very satisfied in; paid online in
  A1: {
    unit: A,
    channel: 'online',
    receivedAt: at('2026-05-04', '09:00'),
    dueAt: at('2026-05-08', '17:00'),
    finishedAt: at('2026-05-07', '10:00'),
    status: 'result_returned',
    resultFiles: true,
    sync: 'ok',
    rating: ['very_satisfied', at('2026-05-08', '08:00')],
    payments: [['vnpay', 'paid', at('2026-05-05', '10:00')]],
  },
  // received in at the desk; resolved in after due (late); no result file, desk delivery; last push failed; paid cash in
  A2: {
    unit: A,
    channel: 'direct',
    receivedAt: at('2026-05-05', '09:00'),
    dueAt: at('2026-05-07', '17:00'),
    finishedAt: at('2026-05-11', '10:00'),
    status: 'resolved',
    sync: 'failed',
    payments: [['cash', 'paid', at('2026-05-06', '10:00')]],
  },
  // received in; resolved in before due but supplementation asked twice (late); returned online; never pushed;
  // unsatisfied in; paid once online and once in cash in (not all online)
  A3: {
    unit: A,
    channel: 'online',
    receivedAt: at('2026-05-06', '09:00'),
    dueAt: at('2026-05-20', '17:00'),
    finishedAt: at('2026-05-12', '10:00'),
    status: 'result_returned',
    supplementRequests: 2,
    returnedOnline: true,
    rating: ['unsatisfied', at('2026-05-13', '08:00')],
    payments: [
      ['vnpay', 'paid', at('2026-05-07', '10:00')],
      ['cash', 'paid', at('2026-05-08', '10:00')],
    ],
  },
  // received in by post; still processing; synced
  A4: { unit: A, channel: 'post', receivedAt: at('2026-05-10', '09:00'), dueAt: at('2026-05-25', '17:00'), status: 'processing', sync: 'ok' },
  // received in April; resolved in (4 May) after its due time 30 April (late); result file; satisfied in; paid online in April (not in)
  A5: {
    unit: A,
    channel: 'online',
    receivedAt: at('2026-04-20', '09:00'),
    dueAt: at('2026-04-30', '17:00'),
    finishedAt: at('2026-05-04', '10:00'),
    status: 'resolved',
    resultFiles: true,
    rating: ['satisfied', at('2026-05-05', '08:00')],
    payments: [['vnpay', 'paid', at('2026-04-25', '10:00')]],
  },
  // received in on the period's last local day, late evening; synced
  A6: { unit: A, channel: 'online', receivedAt: at('2026-05-31', '23:30'), dueAt: at('2026-06-10', '17:00'), status: 'processing', sync: 'ok' },
  // received at the first instant after the period: counts nowhere
  A7: { unit: A, channel: 'direct', receivedAt: at('2026-06-01', '00:00'), dueAt: at('2026-06-10', '17:00'), status: 'processing' },
  // received in at the desk; resolved in exactly at its due time (moved by one allowed supplementation: on time); no
  // result file; synced; satisfied in; paid online in and refunded later (still paid online in the period)
  B1: {
    unit: B,
    channel: 'direct',
    receivedAt: at('2026-05-12', '09:00'),
    dueAt: at('2026-05-20', '17:00'),
    finishedAt: at('2026-05-20', '17:00'),
    status: 'resolved',
    supplementRequests: 1,
    sync: 'ok',
    rating: ['satisfied', at('2026-05-21', '08:00')],
    payments: [['vnpay', 'refunded', at('2026-05-13', '10:00')]],
  },
  // received in online; withdrawn in (not resolved); synced; a payment never made
  B2: {
    unit: B,
    channel: 'online',
    receivedAt: at('2026-05-14', '09:00'),
    dueAt: at('2026-05-25', '17:00'),
    finishedAt: at('2026-05-15', '10:00'),
    status: 'withdrawn',
    sync: 'ok',
    payments: [['vnpay', 'awaiting', null]],
  },
};

/*
 * Nguyễn Du (A):
 *   sync        received in: A1 A2 A3 A4 A6 = 5; synced: A1 A4 A6 = 3      → 0.6    × 18 = 10.8
 *   on time     resolved in: A1 A2 A3 A5 = 4; not late: A1 = 1          → 0.25   × 20 = 5
 *   online      received in 5; online: A1 A3 A6 = 3                     → 0.6    × 12 = 7.2
 *   payment     paid in: A1 A2 A3 = 3; all online: A1 = 1               → 0.3333 × 10 = 3.33
 *   digitised   resolved in 4; file or online: A1 A3 A5 = 3             → 0.75   × 22 = 16.5
 *   satisfied   rated in: A1 A3 A5 = 3; (very) satisfied: A1 A5 = 2     → 0.6667 × 18 = 12
 *   score 10.8 + 5 + 7.2 + 3.33 + 16.5 + 12 = 54.83
 * Bạch Đằng (B):
 *   sync 2/2 → 18; on time 1/1 → 20; online 1/2 → 6; payment 1/1 → 10; digitised 0/1 → 0; satisfied 1/1 → 18
 *   score 72
 * Total (007): sync 5/7 → 0.7143, 12.86; on time 2/5 → 0.4, 8; online 4/7 → 0.5714, 6.86; payment 2/4 → 0.5, 5;
 *   digitised 3/5 → 0.6, 13.2; satisfied 3/4 → 0.75, 13.5; score 12.86 + 8 + 6.86 + 5 + 13.2 + 13.5 = 59.42
 * The other communes of 007 have nothing to measure: every value null, 0 points, score 0.
 */
const CODES = ['sync_rate', 'on_time_rate', 'online_share', 'online_payment_share', 'digitised_result_share', 'satisfaction'];
const MAX = [18, 20, 12, 10, 22, 18];
const expectIndicators = (
  row: { indicators: { code: string; met: number; of: number; value: number | null; points: number; maxPoints: number }[] },
  want: [number, number, number | null, number][],
) => expect(row.indicators.map((i) => [i.code, i.met, i.of, i.value, i.points, i.maxPoints])).toEqual(want.map((w, k) => [CODES[k], ...w, MAX[k]]));

describe('service index (Decision 766 indicators): exact figures per unit and the dossiers that cost points', () => {
  let t: TestApp;
  let admin: string;
  const tag = randomUUID().slice(0, 6);
  const code = (name: string) => `IDX-${name}-${tag}`;
  const get = (path: string, query: Record<string, string>, token: string) =>
    t.http.get(`/api/v1/reports/${path}`).query(query).set('Authorization', `Bearer ${token}`);

  beforeAll(async () => {
    t = await startTestApp();
    admin = await officerToken(t.http, 'admin');
    for (const [name, d] of Object.entries(DOSSIERS)) {
      const proposal = d.resultFiles
        ? { outcome: 'grant', note: '', resultFileIds: [randomUUID()], stepIndex: 0, proposedBy: 'idx', proposedAt: d.finishedAt!.toISOString() }
        : null;
      const rating = d.rating ? { rating: d.rating[0], reason: d.rating[0] === 'unsatisfied' ? 'Chậm' : null, ratedAt: d.rating[1].toISOString() } : null;
      const closed = ['result_returned', 'withdrawn'].includes(d.status) ? d.finishedAt : null;
      const [row] = await t.db.query(
        `INSERT INTO dossiers (code, procedure_code, receiving_agency_code, receiving_unit_code, current_agency_code, current_scope_code, status, channel, rule_set,
           route, step_index, applicant, applicant_phone, form, components, result_delivery, submitted_at, received_at, due_at, finished_at, closed_at,
           supplement_requests, proposal, rating, version)
         VALUES ($1, '1.001193', 'IDX', $2, 'IDX', $2, $3, $4, 'decree_118_2025', '[]', 0, '{"fullName":"Idx"}', '84900000000', '{}', '[]', $5,
           $6, $6, $7, $8, $9, $10, $11, $12, 1) RETURNING id`,
        [
          code(name),
          d.unit,
          d.status,
          d.channel,
          d.returnedOnline ? 'online' : 'desk',
          d.receivedAt,
          d.dueAt,
          d.finishedAt ?? null,
          closed,
          d.supplementRequests ?? 0,
          proposal,
          rating,
        ],
      );
      if (d.returnedOnline) {
        await t.db.query(
          `INSERT INTO dossier_events (dossier_id, action, actor_kind, actor_name, from_status, to_status, to_agency_code, data, at)
           VALUES ($1, 'return_result', 'officer', 'idx-test', 'resolved', 'result_returned', 'IDX', '{"method":"online"}', $2)`,
          [row.id, d.finishedAt],
        );
      }
      if (d.sync) {
        await t.db.query(`INSERT INTO portal_sync_states (dossier_code, last_pushed_at, pushes, failures, last_error) VALUES ($1, $2, 1, $3, $4)`, [
          code(name),
          d.receivedAt,
          d.sync === 'failed' ? 1 : 0,
          d.sync === 'failed' ? 'HTTP 503' : null,
        ]);
      }
      for (const [i, [method, status, paidAt]] of (d.payments ?? []).entries()) {
        await t.db.query(
          `INSERT INTO payments (dossier_id, dossier_code, agency_code, method, txn_ref, amount_vnd, status, credited, paid_at, refunded_at, created_by)
           VALUES ($1, $2, 'IDX', $3, $4, 20000, $5, $6, $7, $8, 'idx-test')`,
          [row.id, code(name), method, `IDX${tag}${name}${i}`, status, status !== 'awaiting', paidAt, status === 'refunded' ? at('2026-05-14', '10:00') : null],
        );
      }
    }
  });
  afterAll(async () => t.close());

  it('scores each commune and the district exactly', async () => {
    const body = (await get('service-index', { unitCode: '007', ...PERIOD }, admin).expect(200)).body;
    expect([body.from, body.to]).toEqual([at('2026-05-01', '00:00').toISOString(), at('2026-06-01', '00:00').toISOString()]);
    const row = (u: string) => body.rows.find((r: { unitCode: string }) => r.unitCode === u);
    expectIndicators(row(A), [
      [3, 5, 0.6, 10.8],
      [1, 4, 0.25, 5],
      [3, 5, 0.6, 7.2],
      [1, 3, 0.3333, 3.33],
      [3, 4, 0.75, 16.5],
      [2, 3, 0.6667, 12],
    ]);
    expect([row(A).score, row(A).maxScore]).toEqual([54.83, 100]);
    expectIndicators(row(B), [
      [2, 2, 1, 18],
      [1, 1, 1, 20],
      [1, 2, 0.5, 6],
      [1, 1, 1, 10],
      [0, 1, 0, 0],
      [1, 1, 1, 18],
    ]);
    expect(row(B).score).toBe(72);
    expectIndicators(body.total, [
      [5, 7, 0.7143, 12.86],
      [2, 5, 0.4, 8],
      [4, 7, 0.5714, 6.86],
      [2, 4, 0.5, 5],
      [3, 5, 0.6, 13.2],
      [3, 4, 0.75, 13.5],
    ]);
    expect([body.total.unitCode, body.total.score, body.total.maxScore]).toEqual(['007', 59.42, 100]);
    const others = body.rows.filter((r: { unitCode: string }) => r.unitCode !== A && r.unitCode !== B);
    expect(others.length).toBeGreaterThan(0);
    for (const r of others)
      expectIndicators(
        r,
        MAX.map(() => [0, 0, null, 0]),
      );
    expect(body.total.indicators[0]).toMatchObject({ name: expect.any(String), formula: expect.stringContaining('/') });
  });

  it.each([
    ['sync_rate', '007', ['A2', 'A3']],
    ['on_time_rate', '007', ['A2', 'A3', 'A5']],
    ['online_share', '007', ['A2', 'A4', 'B1']], // A: 5 received, 3 online; B: B1 at the desk
    ['online_payment_share', '007', ['A2', 'A3']],
    ['digitised_result_share', '007', ['A2', 'B1']],
    ['satisfaction', '007', ['A3']],
    ['satisfaction', A, ['A3']],
    ['digitised_result_share', A, ['A2']],
    ['sync_rate', B, []],
  ])('%s in %s: exactly the dossiers that cost points', async (indicator, unitCode, names) => {
    const body = (await get('service-index/dossiers', { unitCode, indicator, ...PERIOD }, admin).expect(200)).body;
    expect(body.items.map((i: { code: string }) => i.code)).toEqual(names.map(code).sort());
    expect(body.truncated).toBe(false);
    for (const item of body.items) expect(item.unitCode).toBe(DOSSIERS[item.code.split('-')[1]].unit);
  });

  it('a commune reads on its own, with the same figures as its row in the district', async () => {
    const body = (await get('service-index', { unitCode: A, ...PERIOD }, admin).expect(200)).body;
    expect(body.total.score).toBe(54.83);
  });

  it("administrators read any unit; a People's Committee its unit and below; others are refused", async () => {
    const q = { unitCode: '007', ...PERIOD };
    const drill = { ...q, indicator: 'sync_rate' };
    const ldHk = await officerToken(t.http, 'ld.hoankiem');
    const ldTt = await officerToken(t.http, 'ld.trangtien');
    const ldStp = await officerToken(t.http, 'ld.stp');
    for (const token of [ldHk, ldTt, ldStp]) {
      await get('service-index', q, token).expect(404);
      await get('service-index/dossiers', drill, token).expect(404);
    }
    await get('service-index', { ...q, unitCode: '002' }, ldHk).expect(200);
    await get('service-index/dossiers', { ...drill, unitCode: '00079' }, ldHk).expect(200);
    await get('service-index', { ...q, unitCode: '00079' }, ldTt).expect(200);
    await get('service-index', { ...q, unitCode: '002' }, ldTt).expect(404);
    await get('service-index', q, await officerToken(t.http, 'tn.hoankiem')).expect(403);
    await get('service-index/dossiers', drill, (await citizenToken(t.http, t.db)).token).expect(403);
    await t.http.get('/api/v1/reports/service-index').query(q).expect(401);
  });

  it('bad input is a problem, never a 500', async () => {
    const bad = async (path: string, query: Record<string, string>, status: number) => {
      const res = await get(path, query, admin).expect(status);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    };
    await bad('service-index', { unitCode: '007', from: '2026-05-31', to: '2026-05-01' }, 422);
    await bad('service-index', { unitCode: 'abc', ...PERIOD }, 422);
    await bad('service-index', { unitCode: '007', from: 'yesterday', to: '2026-05-01' }, 422);
    await bad('service-index', { unitCode: '99999', ...PERIOD }, 404);
    await bad('service-index/dossiers', { unitCode: '007', ...PERIOD }, 422);
    await bad('service-index/dossiers', { unitCode: '007', ...PERIOD, indicator: 'score' }, 422);
    await bad('service-index/dossiers', { unitCode: '99999', ...PERIOD, indicator: 'sync_rate' }, 404);
  });
});
