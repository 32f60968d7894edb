import http from 'node:http';
import { monitorEventLoopDelay } from 'node:perf_hooks';

export interface LoadOptions {
  port: number;
  method: 'GET' | 'POST';
  /** Path of the i-th request (lets a run spread over several resources). */
  path: (i: number) => string;
  headers?: Record<string, string>;
  body?: (i: number) => string;
  connections: number;
  durationMs: number;
  /**
   * Open loop: send this many requests per second on a fixed schedule, whatever the answers do (at most
   * `connections` in flight, the rest wait for a socket). Latency counts from the scheduled time, so a slow answer
   * that delays the next request is not hidden (no coordinated omission). Without it: closed loop, as fast as answered.
   */
  ratePerSecond?: number;
}

export interface LoadResult {
  requests: number;
  perSecond: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
  /** The client's own worst event-loop stall in the run: a slow answer as long as this may be the client's. */
  clientStallMaxMs: number;
  /** When (seconds into the run, sent) the answers slower than p99 were asked: a cluster is a stall, a spread is load. */
  slowAtSecond: number[];
  statuses: Record<string, number>;
}

/**
 * A small keep-alive HTTP client: `connections` loops, each sending its next request when the previous answer is
 * in, for `durationMs`. The same client drives every server of a benchmark, so its own cost is the same on both
 * sides of a ratio.
 */
export async function runLoad(o: LoadOptions): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: o.connections });
  const latencies: number[] = [];
  const sentAt: number[] = [];
  const loopDelay = monitorEventLoopDelay({ resolution: 5 });
  loopDelay.enable();
  const statuses: Record<string, number> = {};
  let issued = 0;
  const started = performance.now();
  const deadline = started + o.durationMs;
  const one = (i: number, scheduledAt?: number) =>
    new Promise<void>((resolve) => {
      const body = o.body?.(i);
      const t0 = scheduledAt ?? performance.now();
      const req = http.request(
        {
          host: '127.0.0.1',
          port: o.port,
          method: o.method,
          path: o.path(i),
          agent,
          headers: { ...o.headers, ...(body !== undefined ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } : {}) },
        },
        (res) => {
          res.resume();
          res.on('end', () => {
            latencies.push(performance.now() - t0);
            sentAt.push(t0 - started);
            statuses[res.statusCode ?? 0] = (statuses[res.statusCode ?? 0] ?? 0) + 1;
            resolve();
          });
        },
      );
      req.on('error', (error) => {
        statuses[error.message] = (statuses[error.message] ?? 0) + 1;
        resolve();
      });
      req.end(body);
    });
  if (o.ratePerSecond) {
    const inFlight: Promise<void>[] = [];
    for (let i = 0; ; i++) {
      const scheduledAt = started + (i * 1000) / o.ratePerSecond;
      if (scheduledAt >= deadline) break;
      const wait = scheduledAt - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      inFlight.push(one(issued++, scheduledAt));
    }
    await Promise.all(inFlight);
  } else {
    await Promise.all(
      Array.from({ length: o.connections }, async () => {
        while (performance.now() < deadline) await one(issued++);
      }),
    );
  }
  const seconds = (performance.now() - started) / 1000;
  agent.destroy();
  loopDelay.disable();
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => Number((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0).toFixed(1));
  const slowAtSecond = latencies
    .flatMap((l, i) => (l > at(0.99) ? [Number((sentAt[i] / 1000).toFixed(2))] : []))
    .sort((a, b) => a - b)
    .slice(0, 40);
  return {
    requests: latencies.length,
    perSecond: Math.round(latencies.length / seconds),
    p50Ms: at(0.5),
    p95Ms: at(0.95),
    p99Ms: at(0.99),
    maxMs: at(1),
    clientStallMaxMs: Number((loopDelay.max / 1e6).toFixed(1)),
    slowAtSecond,
    statuses,
  };
}
