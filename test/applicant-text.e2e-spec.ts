import { backfillApplicantText } from '@dvc/database';
import { birthRegistrationForm, citizenToken, DESKS, officerToken, startTestApp, submissionFor, TestApp } from '@dvc/testing';
import { changes, snapshot, snapshotQuery } from './sweep/row-counts';

// The CommonJS entry of pdf-parse 1.x (its index runs a debug self-test when loaded without a parent module).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a deep CommonJS path without an import-able type
const pdfParse = require('pdf-parse/lib/pdf-parse.js') as (data: Buffer) => Promise<{ text: string }>;

const binary = (res: any, done: (e: Error | null, b: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => done(null, Buffer.concat(chunks)));
};

const NAME = 'Nguyễn Thị Hằng';
/** As typed on a decomposing keyboard, with a right-to-left override, a zero-width space and an isolate around it. */
const TYPED_NAME = `\u202e${'Nguyễn'.normalize('NFD')} Th\u200bị \u2066${'Hằng'.normalize('NFD')}\u2069\ufeff`;
const TYPED_ADDRESS = `\u200e12 ${'Tràng Tiền'.normalize('NFD')}\u200f, Hoàn Kiếm\u2067, Hà Nội\u2069`;
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

describe('applicant text: one form of each letter, nothing invisible, found with or without diacritics', () => {
  let t: TestApp;
  let desk: string;
  let code: string;
  let citizen: { token: string; phone: string };
  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });
  const found = async (q: string, token = desk) =>
    (
      (
        await t.http
          .get(`/api/v1/dossiers?limit=100&q=${encodeURIComponent(q)}`)
          .set(bearer(token))
          .expect(200)
      ).body.items as { code: string }[]
    ).some((i) => i.code === code);

  beforeAll(async () => {
    t = await startTestApp();
    desk = await officerToken(t.http, 'tn.trangtien');
    citizen = await citizenToken(t.http, t.db);
    const phone = `0${citizen.phone.slice(2)}`;
    const body = await submissionFor(t.http, citizen.token, phone, {
      code: '1.001193',
      agencyCode: DESKS.trangTien,
      form: birthRegistrationForm(phone),
      components: ['TK', 'GCS', 'GTTT'],
    });
    const form = birthRegistrationForm(phone);
    form.nguoiYeuCau.hoTen = TYPED_NAME;
    form.treEm.noiSinh = `Bệnh viện \u202ePhụ sản\u202c Hà Nội`.normalize('NFD');
    const res = await t.http
      .post('/api/v1/dossiers')
      .set(bearer(citizen.token))
      .send({ ...body, form, applicant: { ...body.applicant, fullName: TYPED_NAME, address: TYPED_ADDRESS } })
      .expect(201);
    code = res.body.code;
    await t.http.post(`/api/v1/dossiers/${code}/accept`).set(bearer(desk)).send({ version: res.body.version }).expect(200);
  });
  afterAll(() => t?.close());

  it('the name, the address and the e-form are kept in NFC without bidi or zero-width characters', async () => {
    const d = (await t.http.get(`/api/v1/dossiers/${code}`).set(bearer(desk)).expect(200)).body;
    expect(d.applicant.fullName).toBe(NAME);
    expect(d.applicant.address).toBe('12 Tràng Tiền, Hoàn Kiếm, Hà Nội');
    expect(d.form.nguoiYeuCau.hoTen).toBe(NAME);
    expect(d.form.treEm.noiSinh).toBe('Bệnh viện Phụ sản Hà Nội');
    const [row] = await t.db.query(`SELECT applicant::text AS applicant, form::text AS form, applicant_search_key FROM dossiers WHERE code = $1`, [code]);
    expect(row.applicant).not.toMatch(INVISIBLE);
    expect(row.form).not.toMatch(INVISIBLE);
    expect(row.applicant).toBe(row.applicant.normalize('NFC'));
    expect(row.applicant_search_key).toBe('nguyen thi hang');
  });

  it.each([['Hằng'], ['Hang'], ['hang'], ['Hằng'.normalize('NFD')], ['nguyen hang'], ['NGUYỄN THỊ HẰNG'], ['Th\u200bị Hằng']])(
    'the desk finds her with q=%j',
    async (q) => {
      expect(await found(q)).toBe(true);
    },
  );

  it('a query matching no word of the name does not find her, and other desks never do', async () => {
    expect(await found('Hùng')).toBe(false);
    expect(await found('Hằng', await officerToken(t.http, 'tn.hoankiem'))).toBe(false);
  });

  it('the printed receipt shows the name as a reader expects it, with nothing hidden', async () => {
    const res = await t.http.get(`/api/v1/dossiers/${code}/documents/receipt`).set(bearer(desk)).buffer(true).parse(binary).expect(200);
    const text = (await pdfParse(res.body as Buffer)).text;
    expect(text).toContain(NAME);
    expect(text).not.toMatch(INVISIBLE);
  });

  it('a name or address of invisible characters only is a 422 naming the field, and nothing is written', async () => {
    const phone = `0${citizen.phone.slice(2)}`;
    const body = await submissionFor(t.http, citizen.token, phone, {
      code: '1.001193',
      agencyCode: DESKS.trangTien,
      form: birthRegistrationForm(phone),
      components: ['TK', 'GCS', 'GTTT'],
    });
    const query = await snapshotQuery(t.db);
    const before = await snapshot(t.db, query);
    const res = await t.http
      .post('/api/v1/dossiers')
      .set(bearer(citizen.token))
      .send({ ...body, applicant: { ...body.applicant, fullName: '\u202e\u200b\u2066\u2069', address: '\u200b\u200b\u200b\u200b\u200b' } })
      .expect(422);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.body.errors.map((e: { field: string }) => e.field).sort()).toEqual(['applicant.address', 'applicant.fullName']);
    expect(changes(before, await snapshot(t.db, query))).toEqual([]);
  });

  it("the migration's backfill cleans rows stored as typed before and gives them their search key", async () => {
    const [{ id }] = await t.db.query(`SELECT id FROM dossiers WHERE code = $1`, [code]);
    await t.db.query(
      `UPDATE dossiers SET applicant_search_key = '', applicant = jsonb_set(jsonb_set(applicant, '{fullName}', to_jsonb($2::text)), '{address}', to_jsonb($3::text)) WHERE id = $1`,
      [id, TYPED_NAME, TYPED_ADDRESS],
    );
    expect(await found('Hang')).toBe(false);
    await backfillApplicantText((sql, params) => t.db.query(sql, params));
    const [row] = await t.db.query(
      `SELECT applicant->>'fullName' AS name, applicant->>'address' AS address, applicant_search_key AS key FROM dossiers WHERE id = $1`,
      [id],
    );
    expect(row).toEqual({ name: NAME, address: '12 Tràng Tiền, Hoàn Kiếm, Hà Nội', key: 'nguyen thi hang' });
    expect(await found('Hang')).toBe(true);
  });
});
