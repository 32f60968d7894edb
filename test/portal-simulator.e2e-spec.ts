import { Agent, request } from 'node:http';
import { createPortalSimulator, type PortalSimulator } from '../apps/portal-simulator/src/portal-simulator';

/** The National Public Service Portal simulator, in-process on an ephemeral port, driven over plain HTTP. */

const TOKEN = 'e2e-portal-token';
const AUTH = { authorization: `Bearer ${TOKEN}` };
const CODE = '000.00.12.H26-261123-0001';

interface Answer {
  status: number;
  body: any;
  ms: number;
}

function call(
  base: string,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = AUTH,
  agent: Agent | false = false,
): Promise<Answer> {
  const text = body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body);
  const started = Date.now();
  return new Promise((resolve, reject) => {
    const req = request(`${base}${path}`, { method, agent, headers: { 'content-type': 'application/json', ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const raw = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: raw ? JSON.parse(raw) : null, ms: Date.now() - started });
      });
    });
    req.on('error', reject);
    req.end(text);
  });
}

function record(over: Record<string, unknown> = {}) {
  return {
    MaHoSo: CODE,
    MaTTHC: '1.001193',
    TenTTHC: 'Đăng ký khai sinh',
    MaDonVi: '000.00.12.H26',
    TenDonVi: 'UBND phường Phúc Xá',
    KenhThucHien: 2,
    ChuHoSo: 'Nguyễn Văn An',
    SoCMND: '001090012345',
    SoDienThoai: '84912345678',
    Email: null,
    DiaChi: 'Hà Nội',
    NgayNopHoSo: '20261123080509',
    NgayTiepNhan: null,
    NgayHenTra: null,
    NgayKetThucXuLy: null,
    NgayTra: null,
    TrangThaiHoSo: 1,
    KetQuaXuLy: null,
    LePhi: 8000,
    PhiDaThu: 0,
    DanhSachHoSoBoSung: [],
    QuaTrinhXuLy: [
      {
        MaTrangThai: 1,
        TenTrangThai: 'Mới',
        ThoiDiemXuLy: '20261123080509',
        NguoiXuLy: 'Nguyễn Văn An',
        DonViXuLy: '000.00.12.H26',
        NoiDung: 'Nộp hồ sơ trực tuyến',
      },
    ],
    ...over,
  };
}

function line(over: Record<string, unknown> = {}) {
  return {
    MaHoSo: CODE,
    TrangThaiHoSo: 2,
    ThoiDiemXuLy: '20261123090000',
    NguoiXuLy: 'canbo',
    DonViXuLy: '000.00.12.H26',
    NoiDung: 'Tiếp nhận hồ sơ',
    NgayHenTra: '20261125170000',
    ...over,
  };
}

const activeTcp = () => process.getActiveResourcesInfo().filter((r) => r.startsWith('TCP')).length;

describe('National Public Service Portal simulator', () => {
  let sim: PortalSimulator;
  let base: string;
  const post = (api: string, body: unknown, headers?: Record<string, string>) => call(base, 'POST', `/api/${api}`, body, headers);

  beforeAll(async () => {
    sim = createPortalSimulator({ port: 0, token: TOKEN, seed: 42 });
    const started = await sim.start();
    expect(started.port).toBeGreaterThan(0);
    expect(started.url).toBe(`http://127.0.0.1:${started.port}`);
    base = started.url;
  });
  afterAll(() => sim.stop());
  beforeEach(() => sim.reset());

  it('starts on an ephemeral port and answers /health without a token', async () => {
    expect(await sim.start()).toEqual({ port: Number(new URL(base).port), url: base }); // idempotent
    expect(await call(base, 'GET', '/health', undefined, {})).toMatchObject({ status: 200, body: { status: 'ok', records: 0 } });
  });

  describe('auth', () => {
    it.each<[string, Record<string, string>]>([
      ['no header', {}],
      ['a wrong token', { authorization: 'Bearer nope' }],
      ['another scheme', { authorization: `Basic ${TOKEN}` }],
      ['the bare token', { authorization: TOKEN }],
    ])('%s → 401 everywhere, nothing stored', async (_name, headers) => {
      for (const [method, path, body] of [
        ['POST', '/api/DongBoHoSoMC', { data: record() }],
        ['POST', '/api/CapNhatHoSoMC', { data: record() }],
        ['POST', '/api/CapNhatTienDoHoSoMC', { data: line() }],
        ['GET', `/records/${CODE}`, undefined],
        ['GET', '/pushes', undefined],
        ['PUT', '/faults', { down: true }],
        ['POST', '/reset', undefined],
      ] as const) {
        expect(await call(base, method, path, body, headers)).toMatchObject({ status: 401, body: { error_code: 401 } });
      }
      expect(sim.records.size).toBe(0);
      expect(sim.pushes).toHaveLength(0);
      expect(sim.faults.down).toBe(false);
    });

    it('accepts the scheme in any case', async () => {
      expect((await post('DongBoHoSoMC', { data: record() }, { authorization: `bearer ${TOKEN}` })).body.error_code).toBe(0);
    });
  });

  it('create → already exists (record untouched) → update', async () => {
    expect(await post('DongBoHoSoMC', { data: record() })).toMatchObject({ status: 200, body: { error_code: 0, message: 'Thành công' } });
    const received = record({ TrangThaiHoSo: 2, NgayTiepNhan: '20261123090000', NgayHenTra: '20261125170000' });
    expect(await post('DongBoHoSoMC', { data: received })).toMatchObject({ status: 200, body: { error_code: 1, message: 'Hồ sơ đã tồn tại' } });
    expect(sim.records.get(CODE)?.record).toEqual(record());
    expect(await post('CapNhatHoSoMC', { data: received })).toMatchObject({ status: 200, body: { error_code: 0 } });
    expect(sim.records.get(CODE)).toMatchObject({ record: received, updates: 1 });
    expect(await post('CapNhatHoSoMC', { data: record({ MaHoSo: 'X-1' }) })).toMatchObject({
      status: 200,
      body: { error_code: 2, message: 'Không tìm thấy hồ sơ' },
    });
    expect(sim.records.has('X-1')).toBe(false);

    const pushes = await call(base, 'GET', '/pushes');
    expect(pushes.body.map((p: any) => [p.api, p.code, p.status, p.errorCode])).toEqual([
      ['DongBoHoSoMC', CODE, 1, 0],
      ['DongBoHoSoMC', CODE, 2, 1],
      ['CapNhatHoSoMC', CODE, 2, 0],
      ['CapNhatHoSoMC', 'X-1', 1, 2],
    ]);
    for (const p of pushes.body) expect(Number.isNaN(Date.parse(p.at))).toBe(false);
    expect(pushes.body).toEqual(JSON.parse(JSON.stringify(sim.pushes)));
  });

  it('appends progress lines once per (MaHoSo, ThoiDiemXuLy, MaTrangThai, NoiDung)', async () => {
    expect((await post('CapNhatTienDoHoSoMC', { data: line() })).body).toMatchObject({ error_code: 2, message: 'Không tìm thấy hồ sơ' });
    await post('DongBoHoSoMC', { data: record() });
    expect((await post('CapNhatTienDoHoSoMC', { data: line() })).body).toEqual({ error_code: 0, message: 'Thành công' });
    expect((await post('CapNhatTienDoHoSoMC', { data: line() })).body).toMatchObject({ error_code: 0, duplicate: true });
    expect((await post('CapNhatTienDoHoSoMC', { data: line({ NguoiXuLy: 'someone else', NgayHenTra: null }) })).body).toMatchObject({ duplicate: true });
    for (const change of [{ NoiDung: 'Tiếp nhận hồ sơ: ghi chú' }, { ThoiDiemXuLy: '20261123090001' }, { TrangThaiHoSo: 4 }]) {
      expect((await post('CapNhatTienDoHoSoMC', { data: line(change) })).body).toEqual({ error_code: 0, message: 'Thành công' });
    }
    const progress = sim.records.get(CODE)!.progress;
    expect(progress.map((p) => [p.MaTrangThai, p.ThoiDiemXuLy, p.NoiDung])).toEqual([
      [2, '20261123090000', 'Tiếp nhận hồ sơ'],
      [2, '20261123090000', 'Tiếp nhận hồ sơ: ghi chú'],
      [2, '20261123090001', 'Tiếp nhận hồ sơ'],
      [4, '20261123090000', 'Tiếp nhận hồ sơ'],
    ]);
    expect(sim.pushes.filter((p) => p.api === 'CapNhatTienDoHoSoMC').map((p) => [p.errorCode, p.duplicate ?? false])).toEqual([
      [2, false],
      [0, false],
      [0, true],
      [0, true],
      [0, false],
      [0, false],
      [0, false],
    ]);
  });

  it('GET /records/:code gives the stored record and its progress lines', async () => {
    await post('DongBoHoSoMC', { data: record() });
    await post('CapNhatTienDoHoSoMC', { data: line() });
    const res = await call(base, 'GET', `/records/${encodeURIComponent(CODE)}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      code: CODE,
      record: record(),
      updates: 0,
      progress: [
        {
          MaTrangThai: 2,
          ThoiDiemXuLy: '20261123090000',
          NguoiXuLy: 'canbo',
          DonViXuLy: '000.00.12.H26',
          NoiDung: 'Tiếp nhận hồ sơ',
          NgayHenTra: '20261125170000',
        },
      ],
    });
    expect(typeof res.body.createdAt).toBe('string');
    expect(typeof res.body.progress[0].receivedAt).toBe('string');
    expect(await call(base, 'GET', '/records/000.00.12.H26-261123-9999')).toMatchObject({ status: 404, body: { error_code: 2 } });
  });

  describe('bad requests', () => {
    it.each<[string, number, string, string, unknown]>([
      ['malformed JSON', 400, 'POST', '/api/DongBoHoSoMC', '{"data": {'],
      ['an empty body', 400, 'POST', '/api/DongBoHoSoMC', ''],
      ['no data', 400, 'POST', '/api/DongBoHoSoMC', { MaHoSo: CODE }],
      ['data not an object', 400, 'POST', '/api/CapNhatHoSoMC', { data: [1] }],
      ['no MaHoSo', 400, 'POST', '/api/DongBoHoSoMC', { data: record({ MaHoSo: '' }) }],
      ['status 11', 400, 'POST', '/api/DongBoHoSoMC', { data: record({ TrangThaiHoSo: 11 }) }],
      ['channel 4', 400, 'POST', '/api/DongBoHoSoMC', { data: record({ KenhThucHien: 4 }) }],
      ['an ISO date', 400, 'POST', '/api/DongBoHoSoMC', { data: record({ NgayHenTra: '2026-11-25T10:00:00Z' }) }],
      ['month 13', 400, 'POST', '/api/DongBoHoSoMC', { data: record({ NgayNopHoSo: '20261323080509' }) }],
      ['fractional fee', 400, 'POST', '/api/DongBoHoSoMC', { data: record({ LePhi: 10.5 }) }],
      ['KetQuaXuLy 2', 400, 'POST', '/api/DongBoHoSoMC', { data: record({ KetQuaXuLy: '2' }) }],
      ['a bad progress line in the record', 400, 'POST', '/api/DongBoHoSoMC', { data: record({ QuaTrinhXuLy: [{ MaTrangThai: 0 }] }) }],
      ['a progress update without time', 400, 'POST', '/api/CapNhatTienDoHoSoMC', { data: line({ ThoiDiemXuLy: undefined }) }],
      ['GET on an API', 405, 'GET', '/api/DongBoHoSoMC', undefined],
      ['an unknown route', 404, 'GET', '/api/Nope', undefined],
      ['bad faults', 400, 'PUT', '/faults', { failRate: 2 }],
      ['faults not JSON', 400, 'PUT', '/faults', 'down'],
    ])('%s → %i, nothing stored', async (_name, status, method, path, body) => {
      const res = await call(base, method, path, body);
      expect(res).toMatchObject({ status, body: { error_code: status } });
      expect(sim.records.size).toBe(0);
      expect(sim.pushes).toHaveLength(0);
    });

    it('names the offending field', async () => {
      expect((await post('DongBoHoSoMC', { data: record({ NgayHenTra: 'soon' }) })).body.message).toMatch(/NgayHenTra/);
    });
  });

  describe('faults', () => {
    it('down: 503 to the APIs and /health, nothing stored, control routes still answer', async () => {
      expect(await call(base, 'PUT', '/faults', { down: true })).toMatchObject({ status: 200, body: { down: true, failNext: 0, failRate: 0, latencyMs: 0 } });
      for (const [api, data] of [
        ['DongBoHoSoMC', record()],
        ['CapNhatHoSoMC', record()],
        ['CapNhatTienDoHoSoMC', line()],
      ] as const) {
        expect(await post(api, { data })).toMatchObject({ status: 503, body: { error_code: 503 } });
      }
      expect(await post('DongBoHoSoMC', '{not json', {})).toMatchObject({ status: 503 }); // before auth and parsing
      expect(await call(base, 'GET', '/health', undefined, {})).toMatchObject({ status: 503, body: { error_code: 503 } });
      expect(await call(base, 'GET', '/pushes')).toMatchObject({ status: 200, body: [] });
      expect(sim.records.size).toBe(0);
      await call(base, 'PUT', '/faults', { down: false });
      expect((await post('DongBoHoSoMC', { data: record() })).body.error_code).toBe(0);
    });

    it('failNext: exactly the next N requests answer 503', async () => {
      sim.setFaults({ failNext: 2 });
      const statuses = [];
      for (let i = 0; i < 4; i++) statuses.push((await post('DongBoHoSoMC', { data: record() })).status);
      expect(statuses).toEqual([503, 503, 200, 200]);
      expect(sim.pushes.map((p) => p.errorCode)).toEqual([0, 1]);
      expect(sim.faults.failNext).toBe(0);
    });

    it('failRate: reproducible with a seed, roughly the asked share', async () => {
      async function run(): Promise<string> {
        await call(base, 'POST', '/reset');
        await call(base, 'PUT', '/faults', { failRate: 0.3, seed: 2026 });
        let pattern = '';
        for (let i = 0; i < 100; i++) {
          pattern += (await post('DongBoHoSoMC', { data: record({ MaHoSo: `H-${i}` }) })).status === 503 ? 'x' : '.';
        }
        return pattern;
      }
      const first = await run();
      const failures = [...first].filter((c) => c === 'x').length;
      expect(failures).toBeGreaterThan(10);
      expect(failures).toBeLessThan(50);
      expect(sim.records.size).toBe(100 - failures);
      expect(await run()).toBe(first);
      sim.setFaults({ failRate: 0.3, seed: 7 });
      let other = '';
      for (let i = 0; i < 100; i++) other += (await post('DongBoHoSoMC', { data: record({ MaHoSo: `K-${i}` }) })).status === 503 ? 'x' : '.';
      expect(other).not.toBe(first);
    });

    it('latencyMs delays the answer', async () => {
      sim.setFaults({ latencyMs: 150 });
      expect((await post('DongBoHoSoMC', { data: record() })).ms).toBeGreaterThanOrEqual(140);
      expect((await call(base, 'GET', '/pushes')).ms).toBeLessThan(140);
    });

    it('setFaults validates and merges', () => {
      expect(() => sim.setFaults({ failRate: -0.1 })).toThrow(RangeError);
      expect(() => sim.setFaults({ failNext: 1.5 })).toThrow(RangeError);
      expect(() => sim.setFaults({ down: 'yes' as never })).toThrow(RangeError);
      expect(() => sim.setFaults({ latencyMs: Number.NaN })).toThrow(RangeError);
      expect(sim.setFaults({ failNext: 3 })).toEqual({ failRate: 0, failNext: 3, down: false, latencyMs: 0 });
      expect(sim.setFaults({ latencyMs: 5 })).toEqual({ failRate: 0, failNext: 3, down: false, latencyMs: 5 });
    });
  });

  it('POST /reset forgets records, pushes and faults', async () => {
    await post('DongBoHoSoMC', { data: record() });
    sim.setFaults({ failRate: 0.5 });
    expect(await call(base, 'POST', '/reset')).toMatchObject({ status: 200, body: { ok: true } });
    expect(sim.records.size).toBe(0);
    expect(sim.pushes).toHaveLength(0);
    expect(sim.faults).toEqual({ failRate: 0, failNext: 0, down: false, latencyMs: 0 });
    expect((await post('DongBoHoSoMC', { data: record() })).body.error_code).toBe(0);
  });
});

describe('stopping the portal simulator', () => {
  it('closes idle keep-alive and pending delayed connections and leaves no TCP handles', async () => {
    const before = activeTcp();
    const sim = createPortalSimulator({ token: TOKEN });
    const { url } = await sim.start();
    const agent = new Agent({ keepAlive: true });
    expect((await call(url, 'GET', '/health', undefined, {}, agent)).status).toBe(200); // leaves an idle socket
    sim.setFaults({ latencyMs: 60_000 });
    const pending = call(url, 'POST', '/api/DongBoHoSoMC', { data: record() }).catch((error: Error) => error);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const started = Date.now();
    await sim.stop();
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await pending).toMatchObject({ code: 'ECONNRESET' }); // the connection was dropped, not answered
    expect(sim.records.size).toBe(0);
    await sim.stop(); // idempotent
    await expect(call(url, 'GET', '/health', undefined, {})).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    agent.destroy();
    await new Promise((resolve) => setImmediate(resolve));
    expect(activeTcp()).toBeLessThanOrEqual(before);
  });
});
