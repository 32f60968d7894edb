import { loadAllConfig } from '@dvc/config';
import { DOSSIER_ACTIONS, slugOfAction, SMS_TEMPLATE_KINDS } from '@dvc/core';
import { dropDatabase } from '@dvc/database';
import { DOCUMENT_FORMS } from '@dvc/documents';
import {
  birthRegistrationForm,
  citizenToken,
  DEMO_PASSWORD_FOR_TESTS,
  DESKS,
  socialAllowanceForm,
  submissionFor,
  TestApp,
  testEnv,
  uploadPdf,
} from '@dvc/testing';
import { prepareDatabase } from '../../apps/cli/src/prepare-database';
import { seedAll } from '../../apps/cli/src/seed';

export const IDENTITIES = ['anonymous', 'citizen', 'receiving_officer', 'specialist', 'leader', 'admin'] as const;
export type Identity = (typeof IDENTITIES)[number];

/** A database of the sweep's own, so counting rows before and after is not disturbed by suites running beside it. */
export async function freshDatabase(suffix: string): Promise<{ env: Record<string, string>; drop: () => Promise<void> }> {
  const env = { DATABASE_URL: `${testEnv().DATABASE_URL}_${suffix}` };
  const config = loadAllConfig({ ...testEnv(), ...env });
  await dropDatabase(config.database);
  const db = await prepareDatabase(config, () => undefined);
  try {
    await seedAll(db, config.data);
  } finally {
    await db.destroy();
  }
  return { env, drop: () => dropDatabase(config.database) };
}

export interface SweepWorld {
  tokens: Record<Exclude<Identity, 'anonymous'>, string>;
  citizenPhone: string;
  specialistId: string;
  fileId: string;
  dossierCodes: string[];
  /** Plausible values per path-parameter name; the sweep mixes them with hostile ones. */
  pathValues: Record<string, string[]>;
  /** A valid body for a submission (real uploaded files), the base the sweep mutates. */
  submission: Record<string, unknown>;
  /** A new birth registration accepted by Tràng Tiền's desk (status received). */
  freshReceived: () => Promise<string>;
}

async function login(t: TestApp, username: string) {
  const res = await t.http.post('/api/v1/auth/officers/login').send({ username, password: DEMO_PASSWORD_FOR_TESTS });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return res.body as { accessToken: string; officer: { id: string } };
}

/** Sign-ins for each kind of caller, and dossiers in a few states at Phường Tràng Tiền for the routes to act on. */
export async function buildWorld(t: TestApp): Promise<SweepWorld> {
  const citizen = await citizenToken(t.http, t.db);
  const phone = `0${citizen.phone.slice(2)}`;
  const [desk, specialist, leader, admin] = await Promise.all(['tn.trangtien', 'cv.trangtien', 'ld.trangtien', 'admin'].map((u) => login(t, u)));
  const auth = { Authorization: `Bearer ${citizen.token}` };
  const submit = async (code: string, form: Record<string, unknown>, components: string[]) => {
    const body = await submissionFor(t.http, citizen.token, phone, { code, agencyCode: DESKS.trangTien, form, components });
    const res = await t.http.post('/api/v1/dossiers').set(auth).send(body);
    if (res.status !== 201) throw new Error(`submit ${code}: ${res.status} ${JSON.stringify(res.body)}`);
    return { code: res.body.code as string, body };
  };
  const freshReceived = async () => {
    const { code } = await submit('1.001193', birthRegistrationForm(phone), ['TK', 'GCS', 'GTTT']);
    const accepted = await t.http
      .post(`/api/v1/dossiers/${code}/accept`)
      .set({ Authorization: `Bearer ${desk.accessToken}` })
      .send({ version: 1 });
    if (accepted.status !== 200) throw new Error(`accept: ${accepted.status} ${JSON.stringify(accepted.body)}`);
    return code;
  };
  const fresh = await submit('1.001193', birthRegistrationForm(phone), ['TK', 'GCS', 'GTTT']);
  const received = { code: await freshReceived() };
  const allowance = await submit('1.001776', socialAllowanceForm(phone), ['TK']);
  const fileId = await uploadPdf(t.http, citizen.token);
  return {
    tokens: {
      citizen: citizen.token,
      receiving_officer: desk.accessToken,
      specialist: specialist.accessToken,
      leader: leader.accessToken,
      admin: admin.accessToken,
    },
    citizenPhone: phone,
    specialistId: specialist.officer.id,
    fileId,
    dossierCodes: [fresh.code, received.code, allowance.code],
    pathValues: {
      code: [fresh.code, received.code, allowance.code, '00079', '002', '1.001193', DESKS.trangTien, '001.35.22.H26-261125-0001'],
      id: [fileId, '00000000-0000-4000-8000-000000000000'],
      form: [...DOCUMENT_FORMS],
      action: DOSSIER_ACTIONS.map(slugOfAction),
      year: ['2026', '2027', '1999'],
      kind: Object.keys(SMS_TEMPLATE_KINDS),
    },
    submission: fresh.body as unknown as Record<string, unknown>,
    freshReceived,
  };
}

/** A valid body per dossier action (the sweep's version is usually stale: a 409 is an answer like any other). */
export function actionBody(action: string, ids: { fileId: string; specialistId: string }, version = 1): Record<string, unknown> {
  switch (action) {
    case 'request-supplement':
      return { version, reason: 'Thiếu giấy chứng sinh', components: ['GCS'] };
    case 'supplement':
      return { version, components: [{ code: 'GCS', fileIds: [ids.fileId] }], form: {} };
    case 'refuse':
    case 'send-back':
    case 'stop':
      return { version, reason: 'Lý do kiểm thử' };
    case 'assign':
      return { version, officerId: ids.specialistId, note: 'Giao xử lý' };
    case 'transfer':
      return { version, toAgencyCode: '000.35.22.H26', note: 'Chuyển' };
    case 'propose':
      return { version, outcome: 'grant', note: 'Đủ điều kiện', resultFileIds: [ids.fileId] };
    case 'request-payment':
      return { version, amount: 8000, note: 'Phí' };
    case 'extend':
      return { version, reason: 'Cần xác minh thêm', newDueAt: '2027-01-05T17:00:00+07:00' };
    case 'return-result':
      return { version, method: 'desk' };
    case 'rate':
      return { version, rating: 'satisfied' };
    case 'withdraw':
      return { version, reason: 'Không cần nữa' };
    default:
      return { version, note: 'Ghi chú' };
  }
}
