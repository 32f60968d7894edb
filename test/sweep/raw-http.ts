import { request } from 'node:http';

export interface RawRequest {
  method: string;
  /** Sent as is (latin1), so it may carry undecodable bytes and bad percent-escapes. */
  path: string;
  headers: Record<string, string | string[]>;
  body?: Buffer;
}

export interface RawResponse {
  status: number;
  contentType: string;
  body: Buffer;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
}

/** One request over a fresh connection, through Node's real HTTP parser (no client-side normalisation). */
export function send(baseUrl: string, req: RawRequest, timeoutMs = 20_000): Promise<RawResponse> {
  const url = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | string[]> = { ...req.headers, connection: 'close' };
    if (req.body && !Object.keys(headers).some((h) => h.toLowerCase() === 'content-length')) headers['content-length'] = String(req.body.length);
    const r = request(
      { host: url.hostname, port: url.port, method: req.method, path: req.path, headers, agent: false, timeout: timeoutMs, insecureHTTPParser: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('error', reject);
        res.on('end', () => {
          const body = Buffer.concat(chunks);
          let json: unknown;
          try {
            json = JSON.parse(body.toString('utf8'));
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, contentType: String(res.headers['content-type'] ?? ''), body, json });
        });
      },
    );
    r.on('timeout', () => r.destroy(new Error(`no answer within ${timeoutMs} ms: ${req.method} ${req.path.slice(0, 200)}`)));
    r.on('error', reject);
    r.end(req.body);
  });
}

/**
 * Operations that reach an outside provider the sweep does not run (VNeID's discovery document): for them, and only
 * as a problem of type unavailable, a 503 is the right answer to "the provider cannot be reached".
 */
const NEEDS_ABSENT_PROVIDER = new Set(['GET /api/v1/auth/citizens/vneid/start']);

/** Why a response breaks the sweep's rules (never a 5xx; a 4xx is problem+json with title and status), or null. */
export function violation(res: RawResponse, operationId = ''): string | null {
  const type = (res.json as { type?: unknown } | undefined)?.type;
  if (res.status === 503 && NEEDS_ABSENT_PROVIDER.has(operationId) && type === 'https://dvc.hanoi.gov.vn/problems/unavailable') return null;
  if (res.status >= 500) return `answered ${res.status}: ${res.body.toString('utf8').slice(0, 300)}`;
  if (res.status >= 400) {
    if (!res.contentType.startsWith('application/problem+json')) return `a ${res.status} with content-type "${res.contentType}"`;
    const p = res.json as { title?: unknown; status?: unknown } | undefined;
    if (!p || typeof p.title !== 'string' || p.status !== res.status)
      return `a ${res.status} whose body is not problem details: ${res.body.toString('utf8').slice(0, 300)}`;
  }
  return null;
}

/** A short description of a request for failure messages (no megabyte bodies). */
export function summarise(req: RawRequest): string {
  const cut = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}…(${s.length} chars)` : s);
  const headers = Object.entries(req.headers)
    .map(([k, v]) => `${k}: ${cut(JSON.stringify(v), 80)}`)
    .join('; ');
  return `${req.method} ${cut(JSON.stringify(req.path), 200)} [${headers}] body=${req.body ? cut(JSON.stringify(req.body.toString(req.body.length > 5_000 ? 'latin1' : 'utf8')), 1_500) : '-'}`;
}
