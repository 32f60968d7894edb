import { CalendarService } from '@dvc/calendar';
import { officerToken, startTestApp, TestApp } from '@dvc/testing';

describe('working-day calendar', () => {
  let t: TestApp;
  let admin: string;
  beforeAll(async () => {
    t = await startTestApp();
    admin = await officerToken(t.http, 'admin');
  });
  afterAll(async () => {
    await t.db.query('DELETE FROM calendar_years WHERE year IN (2022, 2027, 2031)');
    await t.close();
  });

  it.each([
    ['Friday 16:00 + 1 working day → Monday 16:00', '2026-11-27T16:00:00+07:00', { workingDays: 1 }, '2026-11-30T16:00:00+07:00'],
    ['after hours → counts from the next morning', '2026-11-25T17:30:00+07:00', { workingDays: 1 }, '2026-11-26T17:00:00+07:00'],
    ['same-day procedure after the 15:00 cut-off', '2026-11-25T15:30:00+07:00', { workingHours: 4, sameDay: 'true' }, '2026-11-26T11:30:00+07:00'],
    ['across Tết 2026', '2026-02-13T08:00:00+07:00', { workingDays: 2 }, '2026-02-24T08:00:00+07:00'],
    // Thu 29/4 7.5 h; Fri 30/4 and Sat 1/5 holidays, Mon 3/5 off for the Saturday (Labour Code 2019 art. 111(3))
    ['1/5/2027 on a Saturday → Monday 3/5 off', '2027-04-29T08:00:00+07:00', { workingDays: 1 }, '2027-05-04T08:00:00+07:00'],
    // Tết 2031: lunar 1/1 is Thu 23/1, so 22–26/1 are Tết and Mon 27, Tue 28 make up Sat 25, Sun 26;
    // Tue 21 gives 7.5 h, Wed 29 and Thu 30 8 h each, the last half hour Fri 31
    ['across Tết 2031, years ahead', '2031-01-21T08:00:00+07:00', { workingDays: 3 }, '2031-01-31T08:00:00+07:00'],
  ])('%s', async (_label, from, q, dueAt) => {
    const res = await t.http
      .get('/api/v1/calendar/due-date')
      .query({ from, ...q })
      .expect(200);
    expect(res.body.dueAt).toBe(dueAt);
  });

  it.each([
    [{}, 'from'],
    [{ from: 'yesterday', workingDays: 1 }, 'from'],
    [{ from: '2026-11-25T08:00:00+07:00' }, 'workingDays'],
    [{ from: '2026-11-25T08:00:00+07:00', workingDays: -1 }, 'workingDays'],
    [{ from: '2026-11-25T08:00:00+07:00', workingDays: 1, unitCode: 'x' }, 'unitCode'],
  ])('%j → 422 naming %s', async (q, field) => {
    const res = await t.http.get('/api/v1/calendar/due-date').query(q).expect(422);
    expect(res.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field })]));
  });

  it('a year comes pre-filled from the fixed and lunar rules', async () => {
    const res = await t.http.get('/api/v1/admin/calendar/2027').set('Authorization', `Bearer ${admin}`).expect(200);
    expect(res.body.source).toBe('default');
    const dates = res.body.holidays.map((h: { date: string }) => h.date);
    expect(dates).toEqual(expect.arrayContaining(['2027-01-01', '2027-02-06', '2027-04-16', '2027-04-30', '2027-05-01', '2027-09-02']));
  });

  it('an administrator edits a year, with swapped working days, and due dates follow it', async () => {
    const current = (await t.http.get('/api/v1/admin/calendar/2027').set('Authorization', `Bearer ${admin}`)).body;
    const before = await t.http.get('/api/v1/calendar/due-date').query({ from: '2027-03-05T08:00:00+07:00', workingDays: 1 }).expect(200);
    expect(before.body.dueAt).toBe('2027-03-08T08:00:00+07:00');
    const put = await t.http
      .put('/api/v1/admin/calendar/2027')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        holidays: [...current.holidays, { date: '2027-03-08', name: 'Nghỉ bù' }],
        workingWeekendDays: [{ date: '2027-03-06', name: 'Làm bù (thứ Bảy)' }],
      })
      .expect(200);
    expect(put.body).toMatchObject({ source: 'stored', updatedBy: 'admin' });
    const after = await t.http.get('/api/v1/calendar/due-date').query({ from: '2027-03-05T08:00:00+07:00', workingDays: 2 }).expect(200);
    // Friday 7.5 h + the swapped Saturday 8 h; Monday 8 March is now off, so the last half hour falls on Tuesday
    expect(after.body.dueAt).toBe('2027-03-09T08:00:00+07:00');
    const sat = await t.http.get('/api/v1/calendar/due-date').query({ from: '2027-03-05T08:00:00+07:00', workingDays: 1 }).expect(200);
    expect(sat.body.dueAt).toBe('2027-03-06T08:00:00+07:00');
  });

  it.each([
    // Fri 7.5 h, the extra day off on Monday, so the last half hour falls on Tuesday
    [2031, '2031-02-28T08:00:00+07:00', '2031-03-03', '2031-03-03T08:00:00+07:00', '2031-03-04T08:00:00+07:00'],
    // (2023, the year a report recomputes, is reports.e2e-spec's: files run side by side on one database)
    [2022, '2022-03-04T08:00:00+07:00', '2022-03-07', '2022-03-07T08:00:00+07:00', '2022-03-08T08:00:00+07:00'],
  ])('a day off stored for %i, far from now, is honoured by due dates and reports', async (year, from, extra, before, after) => {
    const current = (await t.http.get(`/api/v1/admin/calendar/${year}`).set('Authorization', `Bearer ${admin}`).expect(200)).body;
    const was = await t.http.get('/api/v1/calendar/due-date').query({ from, workingDays: 1 }).expect(200);
    expect(was.body.dueAt).toBe(before);
    await t.http
      .put(`/api/v1/admin/calendar/${year}`)
      .set('Authorization', `Bearer ${admin}`)
      .send({ holidays: [...current.holidays, { date: extra, name: 'Nghỉ đột xuất' }], workingWeekendDays: [] })
      .expect(200);
    const now = await t.http.get('/api/v1/calendar/due-date').query({ from, workingDays: 1 }).expect(200);
    expect(now.body.dueAt).toBe(after);
    // the report's SQL gets the days of the years its period spans
    expect((await t.app.get(CalendarService).days(year, year)).holidays).toContain(extra);
  });

  it('a unit with its own office hours gets due dates by them', async () => {
    const from = '2026-11-23T17:15:00+07:00'; // Monday, after the default 17:00 cut-off
    const byDefault = await t.http.get('/api/v1/calendar/due-date').query({ from, workingHours: 1, unitCode: '00082' }).expect(200);
    expect(byDefault.body.dueAt).toBe('2026-11-24T08:30:00+07:00');
    await t.http
      .put('/api/v1/admin/units/00082/office-hours')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        sessions: [
          { start: '08:00', end: '12:00' },
          { start: '13:30', end: '17:30' },
        ],
        sameDayCutoff: '15:30',
        cutoff: '17:30',
      })
      .expect(200);
    const own = await t.http.get('/api/v1/calendar/due-date').query({ from, workingHours: 1, unitCode: '00082' }).expect(200);
    // 15 minutes on Monday until 17:30, the remaining 45 from 08:00 on Tuesday
    expect(own.body.dueAt).toBe('2026-11-24T08:45:00+07:00');
    const bad = await t.http
      .put('/api/v1/admin/units/00082/office-hours')
      .set('Authorization', `Bearer ${admin}`)
      .send({
        sessions: [
          { start: '08:00', end: '12:00' },
          { start: '11:00', end: '17:30' },
        ],
        sameDayCutoff: '15:30',
        cutoff: '17:30',
      })
      .expect(422);
    expect(bad.body.errors[0].field).toBe('sessions');
    await t.http
      .put('/api/v1/admin/units/99999/office-hours')
      .set('Authorization', `Bearer ${admin}`)
      .send({ sessions: [{ start: '08:00', end: '12:00' }], sameDayCutoff: '10:00', cutoff: '12:00' })
      .expect(404);
  });

  it('refuses bad tables with field errors, and non-administrators', async () => {
    const res = await t.http
      .put('/api/v1/admin/calendar/2027')
      .set('Authorization', `Bearer ${admin}`)
      .send({ holidays: [{ date: '2026-01-01', name: 'x' }], workingWeekendDays: [{ date: '2027-03-03', name: 'Wednesday' }] })
      .expect(422);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['holidays[0].date', 'workingWeekendDays[0].date']);
    await t.http.get('/api/v1/admin/calendar/abc').set('Authorization', `Bearer ${admin}`).expect(422);
    const officer = await officerToken(t.http, 'tn.trangtien');
    await t.http.get('/api/v1/admin/calendar/2027').set('Authorization', `Bearer ${officer}`).expect(403);
    await t.http.get('/api/v1/admin/calendar/2027').expect(401);
  });
});
