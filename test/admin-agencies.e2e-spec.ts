import { addDaysYmd, formatYmd } from '@dvc/core';
import { DossierEntity } from '@dvc/dossiers';
import { birthRegistrationForm, citizenToken, DESKS, officerToken, startTestApp, submissionFor, TestApp } from '@dvc/testing';
import { AgencyEntity, AgencyProcedureEntity, UnitEntity } from '@dvc/units';
import { freshDatabase } from './sweep/sweep-fixtures';

// A database of this file's own: the desks it adds to Phường Tràng Tiền change where other suites' dossiers go.
let database: { env: Record<string, string>; drop: () => Promise<void> };
beforeAll(async () => {
  database = await freshDatabase('agencies');
}, 120_000);
afterAll(() => database?.drop());

const BIRTH = '1.001193';
const TRANG_TIEN = '00079';
const NEW_OFFICE = '005.35.22.H26';
const NEW_DESK = '006.35.22.H26';
const HOAN_KIEM_DESK = DESKS.hoanKiem;
const UNIT_ADMIN_PASSWORD = 'cây bàng đỏ lá phố cổ';
const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

describe('agencies and desks administration', () => {
  let t: TestApp;
  let admin: string;
  let unitAdmin: string;
  let desk: string;
  const agencies = () => t.db.getRepository(AgencyEntity).count();
  const assignments = () => t.db.getRepository(AgencyProcedureEntity).count();
  const today = () => formatYmd(new Date());

  /** A citizen's online birth registration at an agency, answered with the status expected (201, or a problem). */
  async function submitBirth(agencyCode: string, expected: number, procedureCode = BIRTH) {
    const citizen = await citizenToken(t.http, t.db);
    const phone = `0${citizen.phone.slice(2)}`;
    const body = await submissionFor(t.http, citizen.token, phone, {
      code: BIRTH,
      agencyCode,
      form: birthRegistrationForm(phone),
      components: ['TK', 'GCS', 'GTTT'],
    });
    return t.http
      .post('/api/v1/dossiers')
      .set(bearer(citizen.token))
      .send({ ...body, procedureCode })
      .expect(expected);
  }

  beforeAll(async () => {
    t = await startTestApp(database.env);
    admin = await officerToken(t.http, 'admin');
    desk = await officerToken(t.http, 'tn.trangtien');
    // A unit administrator for Tràng Tiền, made through the API and signed in for the first time.
    await t.http
      .post('/api/v1/admin/officers')
      .set(bearer(admin))
      .send({
        username: 'qt.trangtien',
        fullName: 'Đặng Thu Trang',
        agencyCode: '000.35.22.H26',
        roles: ['unit_admin'],
        password: `${UNIT_ADMIN_PASSWORD} tạm`,
      })
      .expect(201);
    const first = await t.http
      .post('/api/v1/auth/officers/login')
      .send({ username: 'qt.trangtien', password: `${UNIT_ADMIN_PASSWORD} tạm` })
      .expect(200);
    const changed = await t.http
      .post('/api/v1/auth/officers/password')
      .send({ changeToken: first.body.changeToken, newPassword: UNIT_ADMIN_PASSWORD })
      .expect(200);
    unitAdmin = changed.body.accessToken as string;
  });
  afterAll(() => t.close());

  it('an administrator creates an office of a ward; it shows in the unit and in the list', async () => {
    const res = await t.http
      .post('/api/v1/admin/agencies')
      .set(bearer(admin))
      .send({
        code: NEW_OFFICE,
        name: 'Công chức Tư pháp - Hộ tịch 2 Phường Tràng Tiền',
        kind: 'office',
        unitCode: TRANG_TIEN,
        sectors: ['justice'],
        receives: false,
      })
      .expect(201);
    expect(res.body).toEqual({
      code: NEW_OFFICE,
      name: 'Công chức Tư pháp - Hộ tịch 2 Phường Tràng Tiền',
      kind: 'office',
      unitCode: TRANG_TIEN,
      unitName: 'Phường Tràng Tiền',
      sectors: ['justice'],
      receives: false,
      scopeCode: TRANG_TIEN,
      smsBrandname: null,
      validFrom: today(),
      validTo: null,
      closedFrom: null,
      open: true,
      successorCode: null,
      procedures: { receives: [], processes: [] },
      openDossiers: 0,
    });
    const unit = await t.http.get(`/api/v1/units/${TRANG_TIEN}`).expect(200);
    expect(unit.body.agencies.map((a: { code: string }) => a.code)).toContain(NEW_OFFICE);
    const list = await t.http.get(`/api/v1/admin/agencies?unitCode=${TRANG_TIEN}`).set(bearer(admin)).expect(200);
    expect(list.body.map((a: { code: string }) => a.code)).toEqual([
      '000.35.22.H26',
      '001.35.22.H26',
      '002.35.22.H26',
      '003.35.22.H26',
      '004.35.22.H26',
      NEW_OFFICE,
    ]);
  });

  it('edits its name and sectors', async () => {
    const res = await t.http
      .patch(`/api/v1/admin/agencies/${NEW_OFFICE}`)
      .set(bearer(admin))
      .send({ name: 'Tổ Hộ tịch Phường Tràng Tiền', sectors: ['justice', 'justice', 'culture'] })
      .expect(200);
    expect(res.body).toMatchObject({ code: NEW_OFFICE, name: 'Tổ Hộ tịch Phường Tràng Tiền', sectors: ['justice', 'culture'] });
    expect(await t.db.getRepository(AgencyEntity).findOneByOrFail({ code: NEW_OFFICE })).toMatchObject({
      name: 'Tổ Hộ tịch Phường Tràng Tiền',
      sectors: ['justice', 'culture'],
    });
  });

  it.each([
    ['the new office again', NEW_OFFICE],
    ['an agency of the seeded map', '002.35.22.H26'],
  ])('an identifier taken (%s) is a 409 naming code, and nothing changes', async (_, code) => {
    const before = [await agencies(), await assignments()];
    const res = await t.http
      .post('/api/v1/admin/agencies')
      .set(bearer(admin))
      .send({
        code,
        name: 'Trùng mã',
        kind: 'office',
        unitCode: TRANG_TIEN,
        sectors: ['culture'],
        receives: false,
        procedures: { processes: [BIRTH] },
      })
      .expect(409);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors).toEqual([{ field: 'code', message: 'is taken' }]);
    expect([await agencies(), await assignments()]).toEqual(before);
    expect((await t.db.getRepository(AgencyEntity).findOneByOrFail({ code })).name).not.toBe('Trùng mã');
  });

  it.each<[string, Record<string, unknown>, string, RegExp]>([
    ['a malformed identifier', { code: '5.35.22.H26' }, 'code', /QCVN 102:2016 shape/],
    ['lower-case province group', { code: '007.35.22.h26' }, 'code', /QCVN 102:2016 shape/],
    ['a level with no parent', { code: '007.00.22.H26' }, 'code', /no level-3 or level-2 parent/],
    ['another province', { code: '007.35.22.H27' }, 'code', /H26/],
    ['numbered under another ward', { code: '007.36.22.H26' }, 'code', /directly under the unit's People's Committee 000\.35\.22\.H26/],
    ['a People’s Committee', { kind: 'people_committee', sectors: ['general'] }, 'kind', /comes with the unit/],
    ['an unknown sector', { sectors: ['magic'] }, 'sectors', /magic is not a sector/],
    ['a desk named to receive that does not receive', { receives: false, procedures: { receives: [BIRTH] } }, 'procedures.receives', /does not receive/],
    ['an unknown procedure among good ones', { procedures: { processes: [BIRTH, '9.999999'] } }, 'procedures.processes[1]', /9\.999999 is not a procedure/],
    ['a wrong type', { receives: 'yes' }, 'receives', /boolean/],
  ])('%s is a 422 naming %s, and nothing is written', async (_, change, field, message) => {
    const before = [await agencies(), await assignments()];
    const res = await t.http
      .post('/api/v1/admin/agencies')
      .set(bearer(admin))
      .send({
        code: '007.35.22.H26',
        name: 'Bộ phận thử',
        kind: 'office',
        unitCode: TRANG_TIEN,
        sectors: ['culture'],
        receives: false,
        ...change,
      })
      .expect(422);
    expect(res.body.errors).toEqual(expect.arrayContaining([{ field, message: expect.stringMatching(message) }]));
    expect([await agencies(), await assignments()]).toEqual(before);
  });

  it('an edit with one bad field changes nothing of the others', async () => {
    const before = await t.db.getRepository(AgencyEntity).findOneByOrFail({ code: NEW_OFFICE });
    const res = await t.http
      .patch(`/api/v1/admin/agencies/${NEW_OFFICE}`)
      .set(bearer(admin))
      .send({ name: 'Tên mới', procedures: { processes: [BIRTH, 'nope'] } })
      .expect(422);
    expect(res.body.errors).toEqual([{ field: 'procedures.processes[1]', message: 'nope is not a procedure in the catalogue' }]);
    await t.http
      .patch(`/api/v1/admin/agencies/${NEW_OFFICE}`)
      .set(bearer(admin))
      .send({ name: 'Tên mới', closedFrom: addDaysYmd(today(), -1) })
      .expect(422);
    expect(await t.db.getRepository(AgencyEntity).findOneByOrFail({ code: NEW_OFFICE })).toEqual(before);
    expect(await t.db.getRepository(AgencyProcedureEntity).countBy({ agencyCode: NEW_OFFICE })).toBe(0);
  });

  describe('reach', () => {
    it('a unit administrator lists and edits the agencies of the ward, and nothing else', async () => {
      const list = await t.http.get('/api/v1/admin/agencies').set(bearer(unitAdmin)).expect(200);
      expect(new Set(list.body.map((a: { unitCode: string }) => a.unitCode))).toEqual(new Set([TRANG_TIEN]));
      await t.http.patch(`/api/v1/admin/agencies/${NEW_OFFICE}`).set(bearer(unitAdmin)).send({ smsBrandname: 'TRANGTIEN' }).expect(200);
    });

    it.each<[string, () => ReturnType<TestApp['http']['get']>]>([
      ['reading the district desk', () => t.http.get(`/api/v1/admin/agencies/${HOAN_KIEM_DESK}`).set(bearer(unitAdmin))],
      ['editing it', () => t.http.patch(`/api/v1/admin/agencies/${HOAN_KIEM_DESK}`).set(bearer(unitAdmin)).send({ name: 'Chiếm quyền', closedFrom: today() })],
      [
        'creating an agency in the district',
        () =>
          t.http
            .post('/api/v1/admin/agencies')
            .set(bearer(unitAdmin))
            .send({
              code: '000.08.22.H26',
              name: 'Phòng mới',
              kind: 'office',
              unitCode: '002',
              sectors: ['culture'],
              receives: false,
            }),
      ],
      [
        'the district’s office hours',
        () =>
          t.http
            .put('/api/v1/admin/units/002/office-hours')
            .set(bearer(unitAdmin))
            .send({
              sessions: [{ start: '08:00', end: '12:00' }],
              sameDayCutoff: '11:00',
              cutoff: '12:00',
            }),
      ],
      ['an unknown agency', () => t.http.get('/api/v1/admin/agencies/999.99.99.H26').set(bearer(unitAdmin))],
    ])('outside the ward, %s is a 404 and changes nothing', async (_, call) => {
      const before = [
        await agencies(),
        await t.db.getRepository(AgencyEntity).findOneByOrFail({ code: HOAN_KIEM_DESK }),
        await t.db.getRepository(UnitEntity).findOneByOrFail({ code: '002' }),
      ];
      const res = await call().expect(404);
      expect(res.body).toMatchObject({ status: 404, type: expect.any(String) });
      expect([
        await agencies(),
        await t.db.getRepository(AgencyEntity).findOneByOrFail({ code: HOAN_KIEM_DESK }),
        await t.db.getRepository(UnitEntity).findOneByOrFail({ code: '002' }),
      ]).toEqual(before);
    });

    it('the unit administrator keeps the ward’s office hours', async () => {
      const res = await t.http
        .put(`/api/v1/admin/units/${TRANG_TIEN}/office-hours`)
        .set(bearer(unitAdmin))
        .send({
          sessions: [
            { start: '07:30', end: '11:30' },
            { start: '13:00', end: '17:00' },
          ],
          sameDayCutoff: '15:00',
          cutoff: '17:00',
        })
        .expect(200);
      expect(res.body.officeHours).toEqual({
        sessions: [
          { start: '07:30', end: '11:30' },
          { start: '13:00', end: '17:00' },
        ],
        sameDayCutoff: '15:00',
        cutoff: '17:00',
      });
    });

    it('officers without an administrator role are refused (403)', async () => {
      await t.http.get('/api/v1/admin/agencies').set(bearer(desk)).expect(403);
      await t.http.post('/api/v1/admin/agencies').set(bearer(desk)).send({}).expect(403);
    });
  });

  describe('desk assignments take effect for routing', () => {
    it('an office named to process birth registration gets the ward’s new birth registrations', async () => {
      await t.http
        .patch(`/api/v1/admin/agencies/${NEW_OFFICE}`)
        .set(bearer(admin))
        .send({ procedures: { processes: [BIRTH] } })
        .expect(200);
      const res = await submitBirth(DESKS.trangTien, 201);
      const dossier = await t.db.getRepository(DossierEntity).findOneByOrFail({ code: res.body.code });
      expect(dossier.route.map((s) => s.agencyCode)).toEqual([DESKS.trangTien, NEW_OFFICE, '000.35.22.H26', DESKS.trangTien]);
    });

    it('withdrawing the assignment sends them back to the office of the sector', async () => {
      await t.http
        .patch(`/api/v1/admin/agencies/${NEW_OFFICE}`)
        .set(bearer(admin))
        .send({ sectors: ['culture'], procedures: { processes: [] } })
        .expect(200);
      const res = await submitBirth(DESKS.trangTien, 201);
      const dossier = await t.db.getRepository(DossierEntity).findOneByOrFail({ code: res.body.code });
      expect(dossier.route[1].agencyCode).toBe('002.35.22.H26');
    });

    it('a new desk named to receive birth registration receives them, and nothing else', async () => {
      const created = await t.http
        .post('/api/v1/admin/agencies')
        .set(bearer(unitAdmin))
        .send({
          code: NEW_DESK,
          name: 'Bộ phận tiếp nhận hộ tịch Phường Tràng Tiền',
          kind: 'one_stop_desk',
          unitCode: TRANG_TIEN,
          sectors: ['one_stop'],
          receives: true,
          procedures: { receives: [BIRTH] },
        })
        .expect(201);
      expect(created.body.procedures).toEqual({ receives: [BIRTH], processes: [] });
      const res = await submitBirth(NEW_DESK, 201);
      expect(res.body.code).toMatch(/^006\.35\.22\.H26-\d{6}-\d{4,}$/);
      expect(res.body).toMatchObject({ agencyCode: NEW_DESK, currentAgencyCode: NEW_DESK });
      // Another procedure at that desk: refused, naming the agency.
      const other = await submitBirth(NEW_DESK, 422, '1.000656');
      expect(other.body.errors).toEqual(
        expect.arrayContaining([{ field: 'agencyCode', message: `does not receive procedure 1.000656; its desk is named for other procedures` }]),
      );
    });
  });

  describe('closing an agency on a date', () => {
    let openDossier: string;

    it('a closure from tomorrow leaves it receiving today', async () => {
      const tomorrow = addDaysYmd(today(), 1);
      const res = await t.http.patch(`/api/v1/admin/agencies/${NEW_DESK}`).set(bearer(admin)).send({ closedFrom: tomorrow }).expect(200);
      expect(res.body).toMatchObject({ closedFrom: tomorrow, validTo: today(), open: true });
      openDossier = (await submitBirth(NEW_DESK, 201)).body.code;
    });

    it('closed from today, it refuses new submissions with a clear problem', async () => {
      const before = await t.db.getRepository(DossierEntity).count();
      const res = await t.http.patch(`/api/v1/admin/agencies/${NEW_DESK}`).set(bearer(admin)).send({ closedFrom: today() }).expect(200);
      expect(res.body).toMatchObject({ closedFrom: today(), validTo: addDaysYmd(today(), -1), open: false, openDossiers: 2 });
      const refused = await submitBirth(NEW_DESK, 422);
      expect(refused.body.errors).toEqual(expect.arrayContaining([{ field: 'agencyCode', message: `closed on ${today()} and receives no dossiers` }]));
      expect(await t.db.getRepository(DossierEntity).count()).toBe(before);
      // The ward's own desk still receives.
      await submitBirth(DESKS.trangTien, 201);
    });

    it('its open dossiers stay with the ward’s officers and in the administrator’s view', async () => {
      const worklist = await t.http.get(`/api/v1/dossiers?q=${openDossier}`).set(bearer(desk)).expect(200);
      expect(worklist.body.items.map((d: { code: string }) => d.code)).toEqual([openDossier]);
      await t.http.get(`/api/v1/dossiers/${openDossier}`).set(bearer(desk)).expect(200);
      const view = await t.http.get(`/api/v1/admin/agencies/${NEW_DESK}`).set(bearer(admin)).expect(200);
      expect(view.body).toMatchObject({ open: false, openDossiers: 2 });
      const listed = await t.http.get(`/api/v1/admin/agencies?unitCode=${TRANG_TIEN}`).set(bearer(admin)).expect(200);
      expect(listed.body.map((a: { code: string }) => a.code)).not.toContain(NEW_DESK);
      const all = await t.http.get(`/api/v1/admin/agencies?unitCode=${TRANG_TIEN}&includeClosed=true`).set(bearer(admin)).expect(200);
      expect(all.body.map((a: { code: string }) => a.code)).toContain(NEW_DESK);
    });

    it('a closure that has begun is final (409), and a back-dated one is refused (422)', async () => {
      const res = await t.http.patch(`/api/v1/admin/agencies/${NEW_DESK}`).set(bearer(admin)).send({ closedFrom: null }).expect(409);
      expect(res.body.errors).toEqual([{ field: 'closedFrom', message: 'the agency is already closed' }]);
      const back = await t.http.patch(`/api/v1/admin/agencies/${NEW_OFFICE}`).set(bearer(admin)).send({ closedFrom: '2020-01-01' }).expect(422);
      expect(back.body.errors).toEqual([{ field: 'closedFrom', message: expect.stringMatching(/back-dated/) }]);
    });
  });
});
