import { createHash, randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { Response } from 'supertest';
import { FileEntity, FilesService } from '@dvc/files';
import { citizenToken, officerToken, startTestApp, TestApp } from '@dvc/testing';

const PNG_1X1 = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');
const JPEG = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01, 0x00, 0x01, 0x00, 0x00, 0xff, 0xd9]);
const pdf = (padding = 0) =>
  Buffer.concat([
    Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n'),
    Buffer.alloc(padding, 0x20),
    Buffer.from('trailer << /Root 1 0 R >>\n%%EOF\n'),
  ]);
const sizedPdf = (size: number) => pdf(size - pdf().length);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(58), Buffer.from([0x80, 0, 0, 0]), Buffer.alloc(64), Buffer.from('PE\0\0')]);
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');

interface Part {
  name: string;
  filename?: string;
  type?: string;
  data: Buffer | string;
}

/** A multipart/form-data body built by hand, so the test controls every byte (raw UTF-8 and path-like file names). */
function multipart(parts: Part[]): { contentType: string; body: Buffer } {
  const boundary = `----dvc${randomUUID()}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.filename !== undefined ? `; filename="${p.filename}"` : ''}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`;
    chunks.push(Buffer.from(head, 'utf8'), Buffer.isBuffer(p.data) ? p.data : Buffer.from(p.data, 'utf8'), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { contentType: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(chunks) };
}

async function filesUnder(dir: string): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

function expectProblem(res: Response, status: number) {
  expect(res.status).toBe(status);
  expect(res.headers['content-type']).toContain('application/problem+json');
  expect(res.body.status).toBe(status);
}

describe('files', () => {
  let t: TestApp;
  let dir: string;
  let citizen: string;
  let citizenId: string;
  let officer: string;

  const upload = (token: string | undefined, parts: Part[]) => {
    const { contentType, body } = multipart(parts);
    const req = t.http.post('/api/v1/files').set('Content-Type', contentType);
    return (token ? req.set('Authorization', `Bearer ${token}`) : req).send(body);
  };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dvc-files-e2e-'));
    t = await startTestApp({ FILES_DIR: dir });
    citizen = (await citizenToken(t.http, t.db)).token;
    citizenId = (await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${citizen}`).expect(200)).body.id;
    officer = await officerToken(t.http, 'tn.trangtien');
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  describe('accepted uploads', () => {
    it.each([
      ['Giấy khai sinh.pdf', 'application/pdf', pdf(), 'application/pdf', 'Giấy khai sinh.pdf'],
      ['Ảnh chân dung.png', 'image/png', PNG_1X1, 'image/png', 'Ảnh chân dung.png'],
      ['cccd-mat-truoc.jpg', 'image/jpeg', JPEG, 'image/jpeg', 'cccd-mat-truoc.jpg'],
      ['cccd-mat-sau.JPEG', 'image/jpeg', JPEG, 'image/jpeg', 'cccd-mat-sau.JPEG'],
      // The declared type and the name's extension are ignored: the content decides, and the name follows it.
      ['scan.bin', 'application/octet-stream', pdf(), 'application/pdf', 'scan.pdf'],
      ['x.html', 'text/html', pdf(), 'application/pdf', 'x.pdf'],
      ['x.php', 'application/x-php', PNG_1X1, 'image/png', 'x.png'],
      ['Giấy tờ', 'application/pdf', pdf(), 'application/pdf', 'Giấy tờ.pdf'],
    ])('%s (%s) → 201 with the sniffed type, size and SHA-256, named for that type; stored under FILES_DIR', async (filename, type, data, mime, name) => {
      const res = await upload(citizen, [{ name: 'file', filename, type, data }]).expect(201);
      expect(res.body).toEqual({ id: expect.any(String), name, size: data.length, mime, sha256: sha256(data) });
      const row = await t.db.getRepository(FileEntity).findOneByOrFail({ id: res.body.id });
      expect(row).toMatchObject({ ownerKind: 'citizen', ownerId: citizenId, name, size: data.length, mime, sha256: sha256(data) });
      expect(row.storageKey).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
      expect(row.storageKey).not.toContain(filename);
      expect((await readFile(join(dir, row.storageKey))).equals(data)).toBe(true);
    });

    it('an officer may upload too; the file is theirs', async () => {
      const res = await upload(officer, [{ name: 'file', filename: 'Quyết định.pdf', type: 'application/pdf', data: pdf() }]).expect(201);
      const row = await t.db.getRepository(FileEntity).findOneByOrFail({ id: res.body.id });
      expect(row.ownerKind).toBe('officer');
    });

    it('other form fields next to the file are tolerated', async () => {
      await upload(citizen, [
        { name: 'note', data: 'bản sao' },
        { name: 'file', filename: 'a.pdf', type: 'application/pdf', data: pdf() },
      ]).expect(201);
    });

    it('a path-like name is reduced to a label; the file lands inside FILES_DIR under a generated key', async () => {
      for (const filename of ['../../etc/passwd.pdf', '..\\..\\windows\\win.ini.pdf', '/etc/shadow.pdf']) {
        const res = await upload(citizen, [{ name: 'file', filename, type: 'application/pdf', data: pdf() }]).expect(201);
        expect(res.body.name).not.toMatch(/[/\\]/);
        expect(res.body.name).toBe(filename.split(/[/\\]/).pop());
        const row = await t.db.getRepository(FileEntity).findOneByOrFail({ id: res.body.id });
        const stored = resolve(dir, row.storageKey);
        expect(relative(dir, stored).startsWith('..')).toBe(false);
        expect(existsSync(stored)).toBe(true);
      }
      for (const path of await filesUnder(dir)) expect(relative(dir, path)).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
      expect(existsSync(resolve(dir, '..', '..', 'etc', 'passwd.pdf'))).toBe(false);
    });

    it('control characters are removed from the name; Vietnamese letters are kept', async () => {
      const res = await upload(citizen, [{ name: 'file', filename: 'Đơn\u0007 đề\u202e nghị.pdf', type: 'application/pdf', data: pdf() }]).expect(201);
      expect(res.body.name).toBe('Đơn đề nghị.pdf');
    });
  });

  describe('refused uploads', () => {
    it.each([
      ['an executable named x.pdf and declared as PDF', { filename: 'x.pdf', type: 'application/pdf', data: EXE }],
      ['plain text', { filename: 'note.txt', type: 'text/plain', data: 'Xin chào, đây là văn bản.' }],
      ['HTML named .pdf', { filename: 'page.pdf', type: 'application/pdf', data: '<!doctype html><script>alert(1)</script>' }],
      ['an empty file', { filename: 'empty.pdf', type: 'application/pdf', data: Buffer.alloc(0) }],
    ])('%s → 415, nothing kept', async (_label, part) => {
      const before = await filesUnder(dir);
      const rowsBefore = await t.db.getRepository(FileEntity).countBy({ ownerId: citizenId });
      const res = await upload(citizen, [{ name: 'file', ...part }]);
      expectProblem(res, 415);
      expect(await filesUnder(dir)).toEqual(before);
      expect(await t.db.getRepository(FileEntity).countBy({ ownerId: citizenId })).toBe(rowsBefore);
    });

    it('without sign-in → 401', async () => {
      const res = await upload(undefined, [{ name: 'file', filename: 'a.pdf', type: 'application/pdf', data: pdf() }]);
      expectProblem(res, 401);
    });

    it('a JSON body → 415', async () => {
      const res = await t.http.post('/api/v1/files').set('Authorization', `Bearer ${citizen}`).send({ file: 'JVBERi0xLjQ=' });
      expectProblem(res, 415);
    });

    it('a body of another type → 415', async () => {
      const res = await t.http.post('/api/v1/files').set('Authorization', `Bearer ${citizen}`).set('Content-Type', 'application/pdf').send(pdf());
      expectProblem(res, 415);
    });

    it('no part named "file" → 422 naming the field', async () => {
      for (const parts of [[{ name: 'note', data: 'x' }], [{ name: 'document', filename: 'a.pdf', type: 'application/pdf', data: pdf() }]]) {
        const res = await upload(citizen, parts);
        expectProblem(res, 422);
        expect(res.body.errors).toEqual([{ field: 'file', message: expect.any(String) }]);
      }
    });

    it('a malformed or truncated multipart body → 400, nothing kept', async () => {
      const before = await filesUnder(dir);
      const rowsBefore = await t.db.getRepository(FileEntity).countBy({ ownerId: citizenId });
      const noBoundary = await t.http
        .post('/api/v1/files')
        .set('Authorization', `Bearer ${citizen}`)
        .set('Content-Type', 'multipart/form-data')
        .send(Buffer.from('garbage'));
      expectProblem(noBoundary, 400);
      const truncated = await t.http
        .post('/api/v1/files')
        .set('Authorization', `Bearer ${citizen}`)
        .set('Content-Type', 'multipart/form-data; boundary=xyz')
        .send(Buffer.from(`--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\n\r\n${pdf(5000).toString('latin1')}`, 'latin1'));
      expectProblem(truncated, 400);
      expect(await filesUnder(dir)).toEqual(before);
      expect(await t.db.getRepository(FileEntity).countBy({ ownerId: citizenId })).toBe(rowsBefore);
    });
  });

  it('a client that hangs up half-way leaves no file and no row', async () => {
    const server = t.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const { port } = server.address() as AddressInfo;
    const before = await filesUnder(dir);
    const rowsBefore = await t.db.getRepository(FileEntity).countBy({ ownerId: citizenId });
    const head = Buffer.from(`--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n`);
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((ok) => socket.once('connect', ok));
    socket.write(
      `POST /api/v1/files HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer ${citizen}\r\n` +
        `Content-Type: multipart/form-data; boundary=xyz\r\nContent-Length: 500000\r\n\r\n`,
    );
    socket.write(Buffer.concat([head, pdf(20_000)]));
    await new Promise((ok) => setTimeout(ok, 200));
    socket.destroy();
    await new Promise((ok) => setTimeout(ok, 300));
    expect(await filesUnder(dir)).toEqual(before);
    expect(await t.db.getRepository(FileEntity).countBy({ ownerId: citizenId })).toBe(rowsBefore);
    await t.http.get('/health').expect(200);
  });

  it('findOwned returns, in one query, only the listed files that belong to the owner', async () => {
    const mine = await Promise.all(
      [1, 2].map(
        async (n) => (await upload(citizen, [{ name: 'file', filename: `${n}.pdf`, type: 'application/pdf', data: pdf(n) }]).expect(201)).body.id as string,
      ),
    );
    const theirs = (await upload(officer, [{ name: 'file', filename: 'o.pdf', type: 'application/pdf', data: pdf() }]).expect(201)).body.id as string;
    const service = t.app.get(FilesService);
    const found = await service.findOwned([...mine, theirs, randomUUID(), 'not-a-uuid', mine[0]], { kind: 'citizen', id: citizenId });
    expect(found.map((f) => f.id).sort()).toEqual([...mine].sort());
    expect(await service.findOwned([theirs], { kind: 'officer', id: citizenId })).toEqual([]);
    expect(await service.findOwned([], { kind: 'citizen', id: citizenId })).toEqual([]);
  });

  describe('download', () => {
    it('the owner gets the content with its type and an encoded name; anyone else gets 404', async () => {
      const data = pdf(100);
      const up = await upload(citizen, [{ name: 'file', filename: 'Giấy khai sinh.pdf', type: 'application/pdf', data }]).expect(201);
      const res = await t.http
        .get(`/api/v1/files/${up.body.id}`)
        .set('Authorization', `Bearer ${citizen}`)
        .buffer(true)
        .parse((r, cb) => {
          const c: Buffer[] = [];
          r.on('data', (d: Buffer) => c.push(d));
          r.on('end', () => cb(null, Buffer.concat(c)));
        })
        .expect(200);
      expect((res.body as Buffer).equals(data)).toBe(true);
      expect(res.headers['content-type']).toBe('application/pdf');
      expect(res.headers['content-length']).toBe(String(data.length));
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['content-disposition']).toBe(`attachment; filename="Giay khai sinh.pdf"; filename*=UTF-8''Gi%E1%BA%A5y%20khai%20sinh.pdf`);

      const other = (await citizenToken(t.http, t.db)).token;
      expectProblem(await t.http.get(`/api/v1/files/${up.body.id}`).set('Authorization', `Bearer ${other}`), 404);
      expectProblem(await t.http.get(`/api/v1/files/${up.body.id}`).set('Authorization', `Bearer ${officer}`), 404);
      expectProblem(await t.http.get(`/api/v1/files/${randomUUID()}`).set('Authorization', `Bearer ${citizen}`), 404);
      expectProblem(await t.http.get('/api/v1/files/not-a-uuid').set('Authorization', `Bearer ${citizen}`), 404);
      expectProblem(await t.http.get(`/api/v1/files/${up.body.id}`), 401);
    });
  });
});

describe('files: the size limit', () => {
  let t: TestApp;
  let dir: string;
  let citizen: string;
  let citizenId: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'dvc-files-limit-'));
    t = await startTestApp({ FILES_MAX_BYTES: '2048', FILES_DIR: dir });
    citizen = (await citizenToken(t.http, t.db)).token;
    citizenId = (await t.http.get('/api/v1/auth/me').set('Authorization', `Bearer ${citizen}`).expect(200)).body.id;
  });
  afterAll(async () => {
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  const send = (data: Buffer) => {
    const { contentType, body } = multipart([{ name: 'file', filename: 'big.pdf', type: 'application/pdf', data }]);
    return t.http.post('/api/v1/files').set('Authorization', `Bearer ${citizen}`).set('Content-Type', contentType).send(body);
  };

  it('exactly the limit is accepted', async () => {
    const data = sizedPdf(2048);
    const res = await send(data).expect(201);
    expect(res.body.size).toBe(2048);
    const row = await t.db.getRepository(FileEntity).findOneByOrFail({ id: res.body.id });
    await t.db.getRepository(FileEntity).delete({ id: row.id });
    await rm(join(dir, row.storageKey));
  });

  it.each([2049, 3000, 5000, 1_500_000])('%i bytes → 413, no row and no file left in FILES_DIR', async (size) => {
    const res = await send(sizedPdf(size));
    expectProblem(res, 413);
    expect(await t.db.getRepository(FileEntity).countBy({ ownerId: citizenId })).toBe(0);
    expect(await filesUnder(dir)).toEqual([]);
  });

  it('the server still answers normally afterwards', async () => {
    await send(pdf()).expect(201);
  });
});
