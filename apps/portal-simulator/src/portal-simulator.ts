import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { CapNhatTienDoHoSoMC, DongBoHoSoMC } from '@dvc/core/national-portal';
import { closeHttpServer, httpUrl, listenOn, mulberry32, readBody, type Random } from '@dvc/simulator-kit';
import { asProgress, asRecord, checkProgress, checkRecord } from './validation';

/**
 * An in-memory stand-in for the National Public Service Portal's dossier-sync API
 * (DongBoHoSoMC / CapNhatHoSoMC / CapNhatTienDoHoSoMC), with fault injection for retry tests.
 * Plain node:http, no framework; every answer is JSON.
 */

export type PortalApi = 'DongBoHoSoMC' | 'CapNhatHoSoMC' | 'CapNhatTienDoHoSoMC';

export interface PortalSimulatorOptions {
  /** 0 = an ephemeral port. */
  port?: number;
  host?: string;
  /** Expected in `Authorization: Bearer <token>`. */
  token?: string;
  /** Seed of the PRNG behind `failRate` (default 1). */
  seed?: number;
  now?: () => Date;
}

export interface PortalFaults {
  /** Probability (0..1) that a portal API request answers 503; drawn from the seeded PRNG. */
  failRate: number;
  /** The next N portal API requests answer 503. */
  failNext: number;
  /** Answer 503 to every portal API request and to /health. */
  down: boolean;
  /** Delay before each portal API request is answered. */
  latencyMs: number;
}

export type PortalFaultsChange = Partial<PortalFaults> & { /** Re-seeds the failRate PRNG. */ seed?: number };

/** One line appended by CapNhatTienDoHoSoMC. */
export interface PortalProgressLine {
  MaTrangThai: number;
  ThoiDiemXuLy: string;
  NguoiXuLy: string;
  DonViXuLy: string;
  NoiDung: string;
  NgayHenTra: string | null;
  NgayHenTraMoi: string | null;
  /** When the simulator stored it (ISO). */
  receivedAt: string;
}

export interface PortalRecord {
  code: string;
  /** The last full record received (DongBoHoSoMC, then CapNhatHoSoMC). */
  record: DongBoHoSoMC;
  progress: PortalProgressLine[];
  createdAt: string;
  updatedAt: string;
  /** How many CapNhatHoSoMC updates were applied. */
  updates: number;
}

/** A request that reached the portal logic (past faults, auth and validation), in arrival order. */
export interface PortalPush {
  api: PortalApi;
  /** MaHoSo. */
  code: string;
  /** TrangThaiHoSo of the payload. */
  status: number;
  /** Arrival time (ISO). */
  at: string;
  /** error_code answered: 0 ok, 1 already exists, 2 not found. */
  errorCode: number;
  /** True for a repeated progress line that was not appended again. */
  duplicate?: boolean;
}

export interface PortalSimulator {
  start(): Promise<{ port: number; url: string }>;
  /** Closes the server, drops open connections and pending delayed answers. Idempotent. */
  stop(): Promise<void>;
  readonly records: ReadonlyMap<string, PortalRecord>;
  readonly pushes: readonly PortalPush[];
  readonly faults: Readonly<PortalFaults>;
  /** Merges the change into the current faults and returns them; throws RangeError on invalid values. */
  setFaults(change: PortalFaultsChange): PortalFaults;
  /** Forgets every record and push, clears the faults and re-seeds the PRNG. */
  reset(): void;
}

const NO_FAULTS: PortalFaults = { failRate: 0, failNext: 0, down: false, latencyMs: 0 };
const MAX_BODY_BYTES = 2_000_000;
const OK = { error_code: 0, message: 'Thành công' };
const EXISTS = { error_code: 1, message: 'Hồ sơ đã tồn tại' };
const NOT_FOUND = { error_code: 2, message: 'Không tìm thấy hồ sơ' };

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

export function createPortalSimulator(options: PortalSimulatorOptions = {}): PortalSimulator {
  const { port = 0, host = '127.0.0.1', token = 'dvc-portal-token' } = options;
  const now = options.now ?? (() => new Date());
  const initialSeed = options.seed ?? 1;
  let random: Random = mulberry32(initialSeed);
  let faults: PortalFaults = { ...NO_FAULTS };
  const records = new Map<string, PortalRecord>();
  const progressKeys = new Map<string, Set<string>>();
  const pushes: PortalPush[] = [];
  const timers = new Set<NodeJS.Timeout>();
  let server: Server | null = null;
  let started: { port: number; url: string } | null = null;

  function setFaults(change: PortalFaultsChange): PortalFaults {
    if (typeof change !== 'object' || change === null || Array.isArray(change)) throw new RangeError('faults must be an object');
    const next = { ...faults };
    if (change.failRate !== undefined) {
      if (typeof change.failRate !== 'number' || !(change.failRate >= 0 && change.failRate <= 1)) throw new RangeError('failRate must be a number in 0..1');
      next.failRate = change.failRate;
    }
    if (change.failNext !== undefined) {
      if (!Number.isSafeInteger(change.failNext) || change.failNext < 0) throw new RangeError('failNext must be a whole number ≥ 0');
      next.failNext = change.failNext;
    }
    if (change.down !== undefined) {
      if (typeof change.down !== 'boolean') throw new RangeError('down must be true or false');
      next.down = change.down;
    }
    if (change.latencyMs !== undefined) {
      if (typeof change.latencyMs !== 'number' || !Number.isFinite(change.latencyMs) || change.latencyMs < 0 || change.latencyMs > 600_000) {
        throw new RangeError('latencyMs must be a number of milliseconds in 0..600000');
      }
      next.latencyMs = change.latencyMs;
    }
    if (change.seed !== undefined) {
      if (!Number.isSafeInteger(change.seed)) throw new RangeError('seed must be an integer');
      random = mulberry32(change.seed);
    }
    faults = next;
    return { ...faults };
  }

  function reset(): void {
    records.clear();
    progressKeys.clear();
    pushes.length = 0;
    faults = { ...NO_FAULTS };
    random = mulberry32(initialSeed);
  }

  /** Decides, before any state is touched, whether this portal API request fails with 503. */
  function injectedFailure(): boolean {
    if (faults.down) return true;
    if (faults.failNext > 0) {
      faults.failNext -= 1;
      return true;
    }
    if (faults.failRate >= 1) return true;
    return faults.failRate > 0 && random() < faults.failRate;
  }

  function delay(ms: number): Promise<void> {
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        timers.delete(timer);
        resolve();
      }, ms);
      timers.add(timer);
    });
  }

  function parseJson(text: string): unknown {
    try {
      return JSON.parse(text);
    } catch {
      throw new HttpError(400, 'malformed JSON');
    }
  }

  function authorised(req: IncomingMessage): boolean {
    const header = req.headers.authorization ?? '';
    const match = /^Bearer\s+(.+)$/i.exec(header.trim());
    return match !== null && match[1] === token;
  }

  function dataOf(body: unknown): unknown {
    if (typeof body !== 'object' || body === null || !('data' in body)) throw new HttpError(400, 'body must be { data: ... }');
    return (body as { data: unknown }).data;
  }

  function record(api: PortalApi, code: string, status: number, errorCode: number, duplicate?: boolean): void {
    pushes.push({ api, code, status, at: now().toISOString(), errorCode, ...(duplicate ? { duplicate } : {}) });
  }

  function handleApi(api: PortalApi, body: unknown): object {
    const data = dataOf(body);
    if (api === 'CapNhatTienDoHoSoMC') {
      const problem = checkProgress(data);
      if (problem) throw new HttpError(400, `Dữ liệu không hợp lệ: ${problem}`);
      const p: CapNhatTienDoHoSoMC = asProgress(data);
      const stored = records.get(p.MaHoSo);
      if (!stored) {
        record(api, p.MaHoSo, p.TrangThaiHoSo, NOT_FOUND.error_code);
        return NOT_FOUND;
      }
      const key = JSON.stringify([p.ThoiDiemXuLy, p.TrangThaiHoSo, p.NoiDung]);
      const seen = progressKeys.get(p.MaHoSo)!;
      const duplicate = seen.has(key);
      if (!duplicate) {
        seen.add(key);
        const at = now().toISOString();
        stored.progress.push({
          MaTrangThai: p.TrangThaiHoSo,
          ThoiDiemXuLy: p.ThoiDiemXuLy,
          NguoiXuLy: p.NguoiXuLy,
          DonViXuLy: p.DonViXuLy,
          NoiDung: p.NoiDung,
          NgayHenTra: p.NgayHenTra ?? null,
          NgayHenTraMoi: p.NgayHenTraMoi ?? null,
          receivedAt: at,
        });
        stored.updatedAt = at;
      }
      record(api, p.MaHoSo, p.TrangThaiHoSo, OK.error_code, duplicate);
      return duplicate ? { ...OK, duplicate: true } : OK;
    }
    const problem = checkRecord(data);
    if (problem) throw new HttpError(400, `Dữ liệu không hợp lệ: ${problem}`);
    const r: DongBoHoSoMC = asRecord(data);
    const stored = records.get(r.MaHoSo);
    if (api === 'DongBoHoSoMC') {
      if (stored) {
        record(api, r.MaHoSo, r.TrangThaiHoSo, EXISTS.error_code);
        return EXISTS;
      }
      const at = now().toISOString();
      records.set(r.MaHoSo, { code: r.MaHoSo, record: r, progress: [], createdAt: at, updatedAt: at, updates: 0 });
      progressKeys.set(r.MaHoSo, new Set());
      record(api, r.MaHoSo, r.TrangThaiHoSo, OK.error_code);
      return OK;
    }
    if (!stored) {
      record(api, r.MaHoSo, r.TrangThaiHoSo, NOT_FOUND.error_code);
      return NOT_FOUND;
    }
    stored.record = r;
    stored.updates += 1;
    stored.updatedAt = now().toISOString();
    record(api, r.MaHoSo, r.TrangThaiHoSo, OK.error_code);
    return OK;
  }

  async function route(req: IncomingMessage): Promise<{ status: number; body: unknown }> {
    const method = req.method ?? 'GET';
    const path = new URL(req.url ?? '/', 'http://portal.invalid').pathname.replace(/\/+$/, '') || '/';
    const text = await readBody(req, MAX_BODY_BYTES, () => new HttpError(413, 'body too large'));
    const apiMatch = /^\/api\/(DongBoHoSoMC|CapNhatHoSoMC|CapNhatTienDoHoSoMC)$/.exec(path);

    if (apiMatch || path === '/health') {
      await delay(apiMatch ? faults.latencyMs : 0);
      if (apiMatch ? injectedFailure() : faults.down) return { status: 503, body: { error_code: 503, message: 'Service Unavailable' } };
    }
    if (path === '/health' && method === 'GET') return { status: 200, body: { status: 'ok', records: records.size } };
    if (!authorised(req)) return { status: 401, body: { error_code: 401, message: 'Unauthorized' } };

    if (apiMatch) {
      if (method !== 'POST') throw new HttpError(405, 'use POST');
      return { status: 200, body: handleApi(apiMatch[1] as PortalApi, parseJson(text)) };
    }
    if (path === '/pushes' && method === 'GET') return { status: 200, body: pushes };
    if (path === '/faults' && method === 'GET') return { status: 200, body: faults };
    if (path === '/faults' && method === 'PUT') {
      try {
        return { status: 200, body: setFaults(parseJson(text) as PortalFaultsChange) };
      } catch (error) {
        if (error instanceof RangeError) throw new HttpError(400, error.message);
        throw error;
      }
    }
    if (path === '/reset' && method === 'POST') {
      reset();
      return { status: 200, body: { ok: true } };
    }
    const recordMatch = /^\/records\/([^/]+)$/.exec(path);
    if (recordMatch && method === 'GET') {
      let code: string;
      try {
        code = decodeURIComponent(recordMatch[1]);
      } catch {
        throw new HttpError(400, 'malformed dossier code');
      }
      const stored = records.get(code);
      return stored ? { status: 200, body: stored } : { status: 404, body: NOT_FOUND };
    }
    throw new HttpError(404, 'no such route');
  }

  function send(res: ServerResponse, status: number, body: unknown): void {
    if (res.headersSent || res.destroyed) return;
    const text = JSON.stringify(body);
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
    res.end(text);
  }

  function handle(req: IncomingMessage, res: ServerResponse): void {
    route(req).then(
      ({ status, body }) => send(res, status, body),
      (error: unknown) => {
        if (error instanceof HttpError) send(res, error.status, { error_code: error.status, message: error.message });
        else send(res, 500, { error_code: 500, message: (error as Error)?.message ?? 'internal error' });
      },
    );
  }

  async function start(): Promise<{ port: number; url: string }> {
    if (started) return started;
    const s = createServer(handle);
    const actual = await listenOn(s, port, host);
    server = s;
    started = { port: actual, url: httpUrl(host, actual) };
    return started;
  }

  async function stop(): Promise<void> {
    for (const timer of timers) clearTimeout(timer);
    timers.clear();
    const s = server;
    server = null;
    started = null;
    if (s) await closeHttpServer(s);
  }

  return {
    start,
    stop,
    records,
    pushes,
    get faults() {
      return { ...faults };
    },
    setFaults,
    reset,
  };
}
