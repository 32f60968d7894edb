import { randomUUID } from 'node:crypto';
import { ProcedureEntity } from '@dvc/catalog';
import { entityFromRow } from '@dvc/database';
import { DossierActionsService, DossierEntity, loadSubmissionContext, recordChange } from '@dvc/dossiers';
import { TokenService } from '@dvc/identity';
import { OutboxMessageEntity } from '@dvc/outbox';
import { birthRegistrationForm, citizenToken, DESKS, officerToken, startTestApp, submissionFor, TestApp } from '@dvc/testing';
import { AgencyEntity } from '@dvc/units';

/**
 * A new dossier, its event and its outbox rows are written by one statement; the submission's checks read one
 * statement too. These are the properties the shortcut must keep: all or nothing, the same rows as TypeORM would
 * read, and the national-portal push naming the event written with it.
 */
describe('one-statement writes and reads', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('an online submission writes the dossier, its event and the portal push naming that event', async () => {
    const citizen = await citizenToken(t.http, t.db);
    const phone = `0${citizen.phone.slice(2)}`;
    const body = await submissionFor(t.http, citizen.token, phone, {
      code: '1.001193',
      agencyCode: DESKS.trangTien,
      form: birthRegistrationForm(phone),
      components: ['TK', 'GCS', 'GTTT'],
    });
    const created = await t.http.post('/api/v1/dossiers').set('Authorization', `Bearer ${citizen.token}`).send(body).expect(201);

    const [dossier] = await t.db.query('SELECT id, version, status, created_at, submitted_at FROM dossiers WHERE code = $1', [created.body.code]);
    expect(dossier).toMatchObject({ version: 1, status: 'new' });
    const events = await t.db.query('SELECT id, action, to_status FROM dossier_events WHERE dossier_id = $1', [dossier.id]);
    expect(events).toEqual([{ id: expect.any(String), action: 'submit', to_status: 'new' }]);
    const outbox = await t.db.query('SELECT topic, kind, payload FROM outbox WHERE dossier_code = $1', [created.body.code]);
    expect(outbox).toEqual([
      { topic: 'national_portal', kind: 'dossier_sync', payload: { dossierCode: created.body.code, status: 'new', nationalStatus: 1, eventId: events[0].id } },
    ]);
    // The answer is built from the rows written: it equals what a GET reads back.
    const read = await t.http.get(`/api/v1/dossiers/${created.body.code}`).set('Authorization', `Bearer ${citizen.token}`).expect(200);
    expect(created.body).toEqual(read.body);
  });

  it('an action returns the dossier as its UPDATE … RETURNING wrote it, equal to what TypeORM reads back', async () => {
    const citizen = await citizenToken(t.http, t.db);
    const phone = `0${citizen.phone.slice(2)}`;
    const body = await submissionFor(t.http, citizen.token, phone, {
      code: '1.001193',
      agencyCode: DESKS.trangTien,
      form: birthRegistrationForm(phone),
      components: ['TK', 'GCS', 'GTTT'],
    });
    const created = await t.http.post('/api/v1/dossiers').set('Authorization', `Bearer ${citizen.token}`).send(body).expect(201);
    const officer = await t.app.get(TokenService).verify(await officerToken(t.http, 'tn.trangtien'));
    // A flag the deadline sweep sets without touching the version must be in the returned row too.
    await t.db.query(`UPDATE dossiers SET deadline_flag = 'nearly_due' WHERE code = $1`, [created.body.code]);
    const updated = await t.app.get(DossierActionsService).perform(officer, created.body.code, 'accept', { version: created.body.version });
    expect(updated).toMatchObject({ status: 'received', version: created.body.version + 1, deadlineFlag: 'nearly_due' });
    expect(updated).toEqual(await t.db.getRepository(DossierEntity).findOneByOrFail({ id: updated.id }));
  });

  it('a failing part of the statement leaves no dossier, no event and no outbox row', async () => {
    const template = (await t.db.getRepository(DossierEntity).find({ take: 1 }))[0];
    const dossier = Object.assign(new DossierEntity(), template, { id: randomUUID(), code: `TEST-${Date.now()}`, version: 1 });
    const tooLong = 'x'.repeat(100); // the SMS template kind column holds 64
    await expect(
      recordChange(
        t.db.manager,
        dossier,
        {
          action: 'submit',
          actor: { kind: 'system', id: null, name: 'test', role: null },
          fromStatus: null,
          fromAgencyCode: null,
          at: new Date(),
        },
        { insertDossier: true, notice: { kind: tooLong as never } },
      ),
    ).rejects.toThrow(/too long/);
    expect(await t.db.query('SELECT 1 FROM dossier_events WHERE dossier_id = $1', [dossier.id])).toEqual([]);
    expect(await t.db.getRepository(DossierEntity).findOneBy({ id: dossier.id })).toBeNull();
    expect(await t.db.getRepository(OutboxMessageEntity).countBy({ dossierCode: dossier.code })).toBe(0);
  });

  it('rows read as JSON in one statement equal what TypeORM reads', async () => {
    const procedure = await t.db.getRepository(ProcedureEntity).findOneByOrFail({ code: '1.001193' });
    const agency = await t.db.getRepository(AgencyEntity).findOneByOrFail({ code: DESKS.trangTien });
    const [row] = await t.db.query(
      'SELECT (SELECT to_jsonb(p) FROM procedures p WHERE code = $1) AS p, (SELECT to_jsonb(a) FROM agencies a WHERE code = $2) AS a',
      ['1.001193', DESKS.trangTien],
    );
    expect(entityFromRow(t.db.getMetadata(ProcedureEntity), row.p)).toEqual(procedure);
    expect(entityFromRow(t.db.getMetadata(AgencyEntity), row.a)).toEqual(agency);
  });

  it("the submission context: the procedure, the desk, its chain and route agencies, and only the owner's files", async () => {
    const [file] = await t.db.query(`SELECT id, owner_kind, owner_id FROM files WHERE owner_kind = 'citizen' LIMIT 1`);
    const context = await loadSubmissionContext(
      t.db,
      { procedureCode: '1.001193', agencyCode: DESKS.trangTien, fileIds: [file.id, randomUUID(), 'not-a-uuid'] },
      { kind: 'citizen', id: file.owner_id },
    );
    expect(context.procedure?.code).toBe('1.001193');
    expect(context.agency?.code).toBe(DESKS.trangTien);
    expect(context.level).toBe('commune');
    expect(Object.keys(context.chain).sort()).toEqual(['city', 'commune', 'district']);
    expect(context.routeAgencies.map((a) => a.unitCode).every((u) => Object.values(context.chain).includes(u))).toBe(true);
    expect([...context.ownedFileIds]).toEqual([file.id]);

    const stranger = await loadSubmissionContext(
      t.db,
      { procedureCode: '1.001193', agencyCode: DESKS.trangTien, fileIds: [file.id] },
      { kind: 'citizen', id: randomUUID() },
    );
    expect(stranger.ownedFileIds.size).toBe(0);
    const unknown = await loadSubmissionContext(t.db, { procedureCode: 'nope', agencyCode: 'nope', fileIds: [] }, { kind: 'citizen', id: randomUUID() });
    expect(unknown).toMatchObject({ procedure: null, agency: null, level: null, routeAgencies: [], chain: {} });
  });
});
