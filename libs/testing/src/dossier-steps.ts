import type request from 'supertest';
import type { DataSource } from 'typeorm';
import { birthRegistrationForm, DESKS, submissionFor } from './dossier-fixtures';
import { citizenToken } from './sessions';

type Http = ReturnType<typeof request>;

/** An action at the version the caller sees now; anything but `expected` throws with the problem it got. */
export async function actAs(http: Http, token: string, code: string, action: string, body: Record<string, unknown> = {}, expected = 200) {
  const auth = { Authorization: `Bearer ${token}` };
  const { version } = (await http.get(`/api/v1/dossiers/${code}`).set(auth).expect(200)).body;
  const res = await http
    .post(`/api/v1/dossiers/${code}/${action}`)
    .set(auth)
    .send({ version, ...body });
  if (res.status !== expected) throw new Error(`${action}: expected ${expected}, got ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}

/** A new citizen's online birth registration at Phường Tràng Tiền (status new), with its three components uploaded. */
export async function submittedBirthRegistration(http: Http, db: DataSource, form = birthRegistrationForm) {
  const citizen = await citizenToken(http, db);
  const phone = `0${citizen.phone.slice(2)}`;
  const body = await submissionFor(http, citizen.token, phone, {
    code: '1.001193',
    agencyCode: DESKS.trangTien,
    form: form(phone),
    components: ['TK', 'GCS', 'GTTT'],
  });
  const created = await http.post('/api/v1/dossiers').set('Authorization', `Bearer ${citizen.token}`).send(body).expect(201);
  return { code: created.body.code as string, citizen, phone, dossier: created.body };
}
