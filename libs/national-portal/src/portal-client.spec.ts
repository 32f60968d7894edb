import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { CapNhatTienDoHoSoMC, DongBoHoSoMC } from '@dvc/core/national-portal';
import { createPortalSimulator, type PortalSimulator } from '../../../apps/portal-simulator/src/portal-simulator';
import { PortalClient, PortalPushError } from './portal-client';

const TOKEN = 'spec-token';
const CODE = '000.00.12.H26-261123-0001';

function full(over: Partial<DongBoHoSoMC> = {}): DongBoHoSoMC {
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
    NgayHenTraMoi: null,
    NgayKetThucXuLy: null,
    NgayTra: null,
    TrangThaiHoSo: 1,
    KetQuaXuLy: null,
    LePhi: 0,
    PhiDaThu: 0,
    DanhSachHoSoBoSung: [],
    QuaTrinhXuLy: [],
    ...over,
  };
}

function progress(over: Partial<CapNhatTienDoHoSoMC> = {}): CapNhatTienDoHoSoMC {
  return {
    MaHoSo: CODE,
    TrangThaiHoSo: 2,
    ThoiDiemXuLy: '20261123090000',
    NguoiXuLy: 'canbo',
    DonViXuLy: '000.00.12.H26',
    NoiDung: 'Tiếp nhận hồ sơ',
    NgayHenTra: '20261125170000',
    NgayHenTraMoi: null,
    ...over,
  };
}

async function rejection(promise: Promise<unknown>): Promise<PortalPushError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(PortalPushError);
    return error as PortalPushError;
  }
  throw new Error('expected the push to fail');
}

describe('PortalClient against the portal simulator', () => {
  let sim: PortalSimulator;
  let url: string;
  let client: PortalClient;

  beforeAll(async () => {
    sim = createPortalSimulator({ token: TOKEN, seed: 7 });
    ({ url } = await sim.start());
    client = new PortalClient({ baseUrl: url, token: TOKEN, timeoutMs: 2000 });
  });
  afterAll(() => sim.stop());
  beforeEach(() => sim.reset());

  it('creates the record, then appends the progress line', async () => {
    await client.push(full(), progress());
    expect(sim.pushes.map((p) => [p.api, p.errorCode])).toEqual([
      ['DongBoHoSoMC', 0],
      ['CapNhatTienDoHoSoMC', 0],
    ]);
    expect(sim.records.get(CODE)?.record.TrangThaiHoSo).toBe(1);
    expect(sim.records.get(CODE)?.progress).toHaveLength(1);
  });

  it('without a progress line only syncs the record', async () => {
    await client.push(full(), null);
    expect(sim.pushes.map((p) => p.api)).toEqual(['DongBoHoSoMC']);
  });

  it('updates the record when the portal says it already exists', async () => {
    await client.push(full(), null);
    await client.push(full({ TrangThaiHoSo: 2, NgayTiepNhan: '20261123090000' }), progress());
    expect(sim.pushes.map((p) => [p.api, p.errorCode, p.status])).toEqual([
      ['DongBoHoSoMC', 0, 1],
      ['DongBoHoSoMC', 1, 2],
      ['CapNhatHoSoMC', 0, 2],
      ['CapNhatTienDoHoSoMC', 0, 2],
    ]);
    expect(sim.records.get(CODE)).toMatchObject({ updates: 1, record: { TrangThaiHoSo: 2, NgayTiepNhan: '20261123090000' } });
  });

  it('can push the same thing again (a retry after a lost answer) without duplicating progress', async () => {
    await client.push(full(), progress());
    await client.push(full(), progress());
    expect(sim.records.get(CODE)?.progress).toHaveLength(1);
  });

  it('a trailing slash on the base URL is fine', async () => {
    await new PortalClient({ baseUrl: `${url}/`, token: TOKEN }).push(full(), null);
    expect(sim.records.has(CODE)).toBe(true);
  });

  it.each<[string, Parameters<PortalSimulator['setFaults']>[0]]>([
    ['the portal is down', { down: true }],
    ['the next request fails', { failNext: 1 }],
    ['every request fails', { failRate: 1 }],
  ])('503 when %s is retryable and changes nothing', async (_name, faults) => {
    sim.setFaults(faults);
    const error = await rejection(client.push(full(), progress()));
    expect(error).toMatchObject({ retryable: true, details: { api: 'DongBoHoSoMC', httpStatus: 503 } });
    expect(sim.records.size).toBe(0);
  });

  it('a wrong token is not retryable', async () => {
    const error = await rejection(new PortalClient({ baseUrl: url, token: 'wrong' }).push(full(), null));
    expect(error).toMatchObject({ retryable: false, details: { httpStatus: 401 } });
  });

  it('a record the portal rejects (400) is not retryable', async () => {
    const error = await rejection(client.push(full({ NgayNopHoSo: '2026-11-23' }), null));
    expect(error).toMatchObject({ retryable: false, details: { httpStatus: 400 } });
    expect(error.message).toMatch(/NgayNopHoSo/);
  });

  it('a timeout is retryable', async () => {
    sim.setFaults({ latencyMs: 500 });
    const started = Date.now();
    const error = await rejection(new PortalClient({ baseUrl: url, token: TOKEN, timeoutMs: 100 }).push(full(), null));
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/timed out after 100 ms/);
    expect(Date.now() - started).toBeLessThan(450);
    // The portal still handled the request after the client gave up: the retry finds the record and updates it.
    while (sim.pushes.length === 0) await new Promise((resolve) => setTimeout(resolve, 20));
    sim.setFaults({ latencyMs: 0 });
    await client.push(full(), progress());
    expect(sim.pushes.map((p) => [p.api, p.errorCode])).toEqual([
      ['DongBoHoSoMC', 0],
      ['DongBoHoSoMC', 1],
      ['CapNhatHoSoMC', 0],
      ['CapNhatTienDoHoSoMC', 0],
    ]);
  });

  it('a refused connection is retryable', async () => {
    const other = createPortalSimulator({ token: TOKEN });
    const { url: gone } = await other.start();
    await other.stop();
    const error = await rejection(new PortalClient({ baseUrl: gone, token: TOKEN }).push(full(), null));
    expect(error.retryable).toBe(true);
    expect(error.message).toMatch(/request failed/);
  });

  it('refuses bad options', () => {
    expect(() => new PortalClient({ baseUrl: 'ftp://x', token: TOKEN })).toThrow(/http/);
    expect(() => new PortalClient({ baseUrl: url, token: '' })).toThrow(/token/);
    expect(() => new PortalClient({ baseUrl: url, token: TOKEN, timeoutMs: 0 })).toThrow(/timeoutMs/);
  });
});

describe('PortalClient against odd answers', () => {
  let server: Server;
  let url: string;
  let answer: { status: number; body: string };
  let answers: Record<string, { status: number; body: string }>;
  let calls: string[];
  beforeEach(() => {
    answers = {};
    calls = [];
  });

  beforeAll(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        const api = (req.url ?? '').replace('/api/', '');
        calls.push(api);
        const a = answers[api] ?? answer;
        res.writeHead(a.status, { 'content-type': 'application/json' });
        res.end(a.body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it.each<[string, boolean, number, string]>([
    ['HTTP 500', true, 500, '{"error_code":500}'],
    ['HTTP 502 with HTML', true, 502, '<html>bad gateway</html>'],
    ['HTTP 429', true, 429, '{}'],
    ['HTTP 400', false, 400, '{"error_code":400}'],
    ['HTTP 401', false, 401, '{"error_code":401}'],
    ['HTTP 404', false, 404, '{}'],
    ['200 without error_code', true, 200, '{"ok":true}'],
    ['200 that is not JSON', true, 200, 'OK'],
    ['an unexpected error_code', false, 200, '{"error_code":-1,"message":"Sai định dạng"}'],
    ['error_code 2 on create', true, 200, '{"error_code":2}'],
  ])('%s → retryable %p', async (_name, retryable, status, body) => {
    answer = { status, body };
    const error = await rejection(new PortalClient({ baseUrl: url, token: TOKEN }).push(full(), null));
    expect(error.retryable).toBe(retryable);
  });

  it.each<[string, Record<string, { status: number; body: string }>, string[], string, boolean]>([
    [
      'the update after "already exists" fails',
      { DongBoHoSoMC: { status: 200, body: '{"error_code":1}' }, CapNhatHoSoMC: { status: 503, body: '{}' } },
      ['DongBoHoSoMC', 'CapNhatHoSoMC'],
      'CapNhatHoSoMC',
      true,
    ],
    [
      'the update does not find the record',
      { DongBoHoSoMC: { status: 200, body: '{"error_code":1}' }, CapNhatHoSoMC: { status: 200, body: '{"error_code":2}' } },
      ['DongBoHoSoMC', 'CapNhatHoSoMC'],
      'CapNhatHoSoMC',
      true,
    ],
    [
      'the progress line fails',
      { DongBoHoSoMC: { status: 200, body: '{"error_code":0}' }, CapNhatTienDoHoSoMC: { status: 504, body: '' } },
      ['DongBoHoSoMC', 'CapNhatTienDoHoSoMC'],
      'CapNhatTienDoHoSoMC',
      true,
    ],
    [
      'the progress line is rejected',
      {
        DongBoHoSoMC: { status: 200, body: '{"error_code":1}' },
        CapNhatHoSoMC: { status: 200, body: '{"error_code":0}' },
        CapNhatTienDoHoSoMC: { status: 400, body: '{"error_code":400}' },
      },
      ['DongBoHoSoMC', 'CapNhatHoSoMC', 'CapNhatTienDoHoSoMC'],
      'CapNhatTienDoHoSoMC',
      false,
    ],
  ])('%s: stops there and says which step', async (_name, script, expectedCalls, failedApi, retryable) => {
    answers = script;
    const error = await rejection(new PortalClient({ baseUrl: url, token: TOKEN }).push(full(), progress()));
    expect(calls).toEqual(expectedCalls);
    expect(error).toMatchObject({ retryable, details: { api: failedApi } });
  });

  it('a progress step answering error_code 1 is unexpected', async () => {
    answers = { DongBoHoSoMC: { status: 200, body: '{"error_code":0}' }, CapNhatTienDoHoSoMC: { status: 200, body: '{"error_code":1}' } };
    const error = await rejection(new PortalClient({ baseUrl: url, token: TOKEN }).push(full(), progress()));
    expect(error).toMatchObject({ retryable: false, details: { api: 'CapNhatTienDoHoSoMC', errorCode: 1 } });
  });
});
