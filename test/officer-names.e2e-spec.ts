import { officerNamesInEvents } from '@dvc/database';
import { asOwner, birthRegistrationForm, citizenToken, DEMO_PASSWORD_FOR_TESTS, DESKS, startTestApp, submissionFor, TestApp, actAs } from '@dvc/testing';

// The CommonJS entry of pdf-parse 1.x (its index runs a debug self-test when loaded without a parent module).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a deep CommonJS path without an import-able type
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string }>;

const binary = (res: any, done: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const LOGINS = /\b(tn|cv|ld)\.(trangtien|hoankiem|stp|sotnmt)\b/;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;

/** The demo accounts (libs/identity demo-officers) the forms must name. */
const LAN = { name: 'Nguyễn Thị Lan', title: 'Công chức Bộ phận Một cửa' };
const HUY = { name: 'Lê Quang Huy', title: 'Chủ tịch UBND phường' };
const MINH = { name: 'Trần Văn Minh', title: 'Công chức Tư pháp - Hộ tịch' };

describe('forms, pushes and history name officers by full name and title, never by login or id', () => {
  let t: TestApp;
  const officers: Record<string, { token: string; id: string }> = {};
  let citizen: { token: string; phone: string };
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const as = (who: string) => bearer(officers[who].token);

  const act = (code: string, action: string, who: string, body: Record<string, unknown> = {}, expected = 200) =>
    actAs(t.http, officers[who].token, code, action, body, expected);
  async function submitted() {
    const phone = `0${citizen.phone.slice(2)}`;
    const body = await submissionFor(t.http, citizen.token, phone, {
      code: '1.001193',
      agencyCode: DESKS.trangTien,
      form: birthRegistrationForm(phone),
      components: ['TK', 'GCS', 'GTTT'],
    });
    return (await t.http.post('/api/v1/dossiers').set(bearer(citizen.token)).send(body).expect(201)).body.code as string;
  }
  const pdf = async (code: string, form: string) => {
    const res = await t.http.get(`/api/v1/dossiers/${code}/documents/${form}`).set(as('tn.trangtien')).buffer(true).parse(binary).expect(200);
    return (await pdfParse(res.body as Buffer)).text;
  };

  beforeAll(async () => {
    t = await startTestApp();
    for (const u of ['tn.trangtien', 'cv.trangtien', 'ld.trangtien']) {
      const res = await t.http.post('/api/v1/auth/officers/login').send({ username: u, password: DEMO_PASSWORD_FOR_TESTS }).expect(200);
      officers[u] = { token: res.body.accessToken, id: res.body.officer.id };
    }
    citizen = await citizenToken(t.http, t.db);
  });
  afterAll(() => t?.close());

  it("Form 01 prints the receiving officer's name and title; Form 03 the refusing officer's", async () => {
    const code = await submitted();
    await act(code, 'accept', 'tn.trangtien');
    const receipt = await pdf(code, 'receipt');
    expect(receipt).toContain(`${LAN.name}\n${LAN.title}`);
    expect(receipt).not.toMatch(LOGINS);

    const refused = await submitted();
    await act(refused, 'refuse', 'tn.trangtien', { reason: 'Thủ tục không thuộc thẩm quyền' });
    const refusal = await pdf(refused, 'refusal');
    expect(refusal).toContain(`${LAN.name}\n${LAN.title}`);
    expect(refusal).not.toMatch(LOGINS);
  });

  it('the apology is signed for the head of the agency by its leader, not by the officer who issued it; the control slip names steps in Vietnamese', async () => {
    const code = await submitted();
    await act(code, 'accept', 'tn.trangtien');
    await act(code, 'assign', 'ld.trangtien', { officerId: officers['cv.trangtien'].id });
    const current = (await t.http.get(`/api/v1/dossiers/${code}`).set(as('cv.trangtien')).expect(200)).body;
    await act(code, 'extend', 'cv.trangtien', {
      reason: 'Cần xác minh thông tin',
      newDueAt: new Date(new Date(current.dueAt).getTime() + 2 * 86_400_000).toISOString(),
    });
    const apology = await pdf(code, 'apology');
    expect(apology).toContain('THỦ TRƯỞNG CƠ QUAN');
    expect(apology).toContain(`${HUY.name}\n${HUY.title}`);
    expect(apology).not.toContain(MINH.name);
    expect(apology).not.toContain(LAN.name);
    expect(apology).not.toMatch(LOGINS);

    const slip = (await pdf(code, 'control-slip')).replace(/\s+/g, ' ');
    expect(slip).toContain('Tiếp nhận hồ sơ');
    expect(slip).toContain(LAN.name);
    expect(slip).not.toMatch(/\baccept\b/);
    expect(slip).not.toMatch(LOGINS);
  });

  it('events keep the name the officer had when they acted: renaming the account later does not rewrite the history', async () => {
    const code = await submitted();
    await act(code, 'accept', 'tn.trangtien');
    const [event] = await t.db.query(
      `SELECT e.actor_id, e.actor_name, e.actor_title FROM dossier_events e JOIN dossiers d ON d.id = e.dossier_id WHERE d.code = $1 AND e.action = 'accept'`,
      [code],
    );
    expect(event).toEqual({ actor_id: officers['tn.trangtien'].id, actor_name: LAN.name, actor_title: LAN.title });
    await t.db.query(`UPDATE officers SET full_name = 'Nguyễn Thị Lan Anh', title = 'Phó Chủ tịch UBND phường' WHERE id = $1`, [officers['tn.trangtien'].id]);
    try {
      const history = (await t.http.get(`/api/v1/dossiers/${code}/history`).set(as('cv.trangtien')).expect(200)).body;
      expect(history[1]).toMatchObject({
        action: 'accept',
        actionName: 'Tiếp nhận hồ sơ',
        actor: { kind: 'officer', id: officers['tn.trangtien'].id, name: LAN.name, title: LAN.title },
      });
      expect(await pdf(code, 'receipt')).toContain(`${LAN.name}\n${LAN.title}`);
    } finally {
      await t.db.query(`UPDATE officers SET full_name = $2, title = $3 WHERE id = $1`, [officers['tn.trangtien'].id, LAN.name, LAN.title]);
    }
  });

  it("the migration gives events written with a login the officer's full name, and leaves the table append-only", async () => {
    const code = await submitted();
    await act(code, 'accept', 'tn.trangtien');
    const [{ id: dossierId }] = await t.db.query(`SELECT id FROM dossiers WHERE code = $1`, [code]);
    // As the code before wrote them: the login as the name, and a desk payment as a system event named after it.
    const old = (await t.db.query(
      `INSERT INTO dossier_events (dossier_id, action, actor_kind, actor_id, actor_name, actor_role, to_status, to_agency_code)
       VALUES ($1, 'transfer', 'officer', $2, 'tn.trangtien', 'receiving_officer', 'processing', '002.35.22.H26'),
              ($1, 'confirm_payment', 'system', NULL, 'tn.trangtien', 'system', 'processing', '002.35.22.H26'),
              ($1, 'confirm_payment', 'system', NULL, 'vnpay', 'system', 'processing', '002.35.22.H26') RETURNING id`,
      [dossierId, officers['tn.trangtien'].id],
    )) as { id: string }[];
    // A migration, so as the schema's owner: the application's role may not disable the trigger.
    await asOwner((query) => officerNamesInEvents((sql) => query(sql)));
    const rows = await t.db.query(`SELECT actor_name FROM dossier_events WHERE id = ANY($1) ORDER BY id`, [old.map((r) => r.id)]);
    expect(rows.map((r: { actor_name: string }) => r.actor_name)).toEqual([LAN.name, LAN.name, 'vnpay']);
    await expect(t.db.query(`UPDATE dossier_events SET actor_name = 'x' WHERE id = $1`, [old[0].id])).rejects.toThrow(/append-only/);
  });

  it('the applicant sees the authority and a title, never a login name, a personal name or an officer id', async () => {
    const code = await submitted();
    await act(code, 'accept', 'tn.trangtien');
    await act(code, 'assign', 'ld.trangtien', { officerId: officers['cv.trangtien'].id });
    await act(code, 'propose', 'cv.trangtien', { outcome: 'grant', note: 'Hợp lệ' });
    const history = (await t.http.get(`/api/v1/dossiers/${code}/history`).set(bearer(citizen.token)).expect(200)).body as {
      action: string;
      actionName: string;
      actor: { name: string };
    }[];
    expect(history.map((e) => [e.action, e.actionName, e.actor.name])).toEqual([
      ['submit', 'Nộp hồ sơ trực tuyến', 'Nguyễn Văn An'],
      ['accept', 'Tiếp nhận hồ sơ', 'Công chức Bộ phận Một cửa — Ủy ban nhân dân Phường Tràng Tiền'],
      ['assign', 'Phân công xử lý', 'Chủ tịch UBND phường — Ủy ban nhân dân Phường Tràng Tiền'],
      ['propose', 'Trình kết quả xử lý', 'Công chức Tư pháp - Hộ tịch — Ủy ban nhân dân Phường Tràng Tiền'],
    ]);
    const view = (await t.http.get(`/api/v1/dossiers/${code}`).set(bearer(citizen.token)).expect(200)).body;
    const list = (await t.http.get(`/api/v1/dossiers?limit=100`).set(bearer(citizen.token)).expect(200)).body;
    for (const body of [history, view, list]) {
      const text = JSON.stringify(body);
      expect(text).not.toMatch(LOGINS);
      for (const name of [LAN.name, HUY.name, MINH.name]) expect(text).not.toContain(name);
      for (const o of Object.values(officers)) expect(text).not.toContain(o.id);
    }
    expect(JSON.stringify(history)).not.toMatch(UUID);
    // Officers still see who it was.
    const officerView = (await t.http.get(`/api/v1/dossiers/${code}/history`).set(as('tn.trangtien')).expect(200)).body;
    expect(officerView[2].actor).toMatchObject({ id: officers['ld.trangtien'].id, name: HUY.name, title: HUY.title });
  });
});
