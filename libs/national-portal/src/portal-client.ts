import { request as httpRequest, type IncomingMessage } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Inject, Injectable } from '@nestjs/common';
import type { CapNhatTienDoHoSoMC, DongBoHoSoMC } from '@dvc/core/national-portal';

export interface PortalClientOptions {
  /** e.g. http://127.0.0.1:3200 — the API lives under `${baseUrl}/api/`. */
  baseUrl: string;
  /** Sent as `Authorization: Bearer <token>`. */
  token: string;
  /** Per request, covering connect, send and the whole answer (default 10 000). */
  timeoutMs?: number;
}

/** Injection token for the options when the client is provided through Nest. */
export const PORTAL_CLIENT_OPTIONS = Symbol('PORTAL_CLIENT_OPTIONS');

export type PortalApiName = 'DongBoHoSoMC' | 'CapNhatHoSoMC' | 'CapNhatTienDoHoSoMC';

/** A push that did not go through. `retryable` tells the queue whether trying again later can help. */
export class PortalPushError extends Error {
  override readonly name = 'PortalPushError';
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly details: { api?: PortalApiName; httpStatus?: number; errorCode?: number } = {},
  ) {
    super(message);
  }
}

interface PortalAnswer {
  error_code?: unknown;
  message?: unknown;
}

const DEFAULT_TIMEOUT_MS = 10_000;
const MAX_ANSWER_BYTES = 1_000_000;

/**
 * Pushes dossiers to the National Public Service Portal: DongBoHoSoMC, and on "already exists"
 * (error_code 1) CapNhatHoSoMC with the same record; then the progress line with CapNhatTienDoHoSoMC.
 * Every step is idempotent on the portal side, so a failed push is simply pushed again.
 */
@Injectable()
export class PortalClient {
  private readonly base: URL;
  private readonly token: string;
  private readonly timeoutMs: number;

  constructor(@Inject(PORTAL_CLIENT_OPTIONS) options: PortalClientOptions) {
    const base = new URL(options.baseUrl);
    if (base.protocol !== 'http:' && base.protocol !== 'https:') throw new Error(`portal baseUrl must be http(s), got ${options.baseUrl}`);
    if (!base.pathname.endsWith('/')) base.pathname += '/';
    if (!options.token) throw new Error('portal token is required');
    const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw new Error(`portal timeoutMs must be > 0, got ${timeoutMs}`);
    this.base = base;
    this.token = options.token;
    this.timeoutMs = timeoutMs;
  }

  async push(full: DongBoHoSoMC, progress: CapNhatTienDoHoSoMC | null): Promise<void> {
    const created = await this.call('DongBoHoSoMC', full, [0, 1]);
    if (created === 1) await this.call('CapNhatHoSoMC', full, [0]);
    if (progress) await this.call('CapNhatTienDoHoSoMC', progress, [0]);
  }

  /** POSTs `{ data }` and returns the error_code when it is one of `accepted`; throws PortalPushError otherwise. */
  private async call(api: PortalApiName, data: unknown, accepted: number[]): Promise<number> {
    const { status, text } = await this.post(api, JSON.stringify({ data }));
    let answer: PortalAnswer | null = null;
    try {
      const parsed: unknown = JSON.parse(text);
      if (typeof parsed === 'object' && parsed !== null) answer = parsed as PortalAnswer;
    } catch {
      answer = null;
    }
    const message = typeof answer?.message === 'string' ? `: ${answer.message}` : '';
    if (status >= 500) throw new PortalPushError(`${api} answered HTTP ${status}${message}`, true, { api, httpStatus: status });
    if (status === 408 || status === 429) throw new PortalPushError(`${api} answered HTTP ${status}${message}`, true, { api, httpStatus: status });
    if (status < 200 || status >= 300) throw new PortalPushError(`${api} answered HTTP ${status}${message}`, false, { api, httpStatus: status });
    const code = answer?.error_code;
    if (typeof code !== 'number') throw new PortalPushError(`${api} answered HTTP ${status} without an error_code`, true, { api, httpStatus: status });
    if (accepted.includes(code)) return code;
    // 2 "not found" right after DongBoHoSoMC is transient (the whole push starts over); anything else is a rejection.
    throw new PortalPushError(`${api} answered error_code ${code}${message}`, code === 2, { api, httpStatus: status, errorCode: code });
  }

  private post(api: PortalApiName, body: string): Promise<{ status: number; text: string }> {
    const url = new URL(`api/${api}`, this.base);
    const send = url.protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      let settled = false;
      const fail = (message: string, retryable: boolean) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.destroy();
        reject(new PortalPushError(message, retryable, { api }));
      };
      const req = send(
        url,
        {
          method: 'POST',
          agent: false,
          headers: {
            'content-type': 'application/json; charset=utf-8',
            'content-length': Buffer.byteLength(body),
            accept: 'application/json',
            authorization: `Bearer ${this.token}`,
          },
        },
        (res: IncomingMessage) => {
          const chunks: Buffer[] = [];
          let size = 0;
          res.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > MAX_ANSWER_BYTES) fail(`${api} answer is larger than ${MAX_ANSWER_BYTES} bytes`, true);
            else chunks.push(chunk);
          });
          res.on('end', () => {
            if (settled) return;
            settled = true;
            clearTimeout(timer);
            resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') });
          });
          res.on('error', (error) => fail(`${api} answer broke off: ${error.message}`, true));
          res.on('aborted', () => fail(`${api} answer broke off`, true));
        },
      );
      const timer = setTimeout(() => fail(`${api} timed out after ${this.timeoutMs} ms`, true), this.timeoutMs);
      req.on('error', (error) => fail(`${api} request failed: ${error.message}`, true));
      req.end(body);
    });
  }
}
