// The simulator's HTTP plumbing on node:http: JSON and HTML answers, bounded bodies, the IPN's outgoing GET.
import { request as httpRequest, type IncomingMessage, type ServerResponse } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { readBody } from '@dvc/simulator-kit';
import { errorPage } from './html';

const MAX_BODY_BYTES = 1_000_000;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
  }
}

export function isHttpUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

export function appendQuery(base: string, query: string): string {
  return `${base}${base.includes('?') ? '&' : '?'}${query}`;
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendHtml(res: ServerResponse, status: number, html: string): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html), 'cache-control': 'no-store' });
  res.end(html);
}

export function sendErrorPage(res: ServerResponse, error: unknown): void {
  if (error instanceof HttpError) return sendHtml(res, error.status, errorPage(error.message, error.detail));
  sendHtml(res, 500, errorPage('Lỗi hệ thống', (error as Error).message));
}

const bodyTooLarge = () => new HttpError(413, 'Body too large');

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const text = await readBody(req, MAX_BODY_BYTES, bodyTooLarge);
  if (text.trim() === '') return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new HttpError(400, 'Malformed JSON body');
  }
}

export async function readForm(req: IncomingMessage): Promise<Record<string, string>> {
  const text = await readBody(req, MAX_BODY_BYTES, bodyTooLarge);
  if ((req.headers['content-type'] ?? '').includes('application/json')) {
    try {
      const parsed = JSON.parse(text) as Record<string, unknown>;
      return typeof parsed?.txnRef === 'string' ? { txnRef: parsed.txnRef } : {};
    } catch {
      throw new HttpError(400, 'Dữ liệu gửi sang không đúng định dạng');
    }
  }
  return Object.fromEntries(new URLSearchParams(text));
}

export function asObject(value: unknown): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new HttpError(400, 'Expected a JSON object');
  return value as Record<string, unknown>;
}

export function httpGet(url: string, timeoutMs: number, signal: AbortSignal): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      target,
      { method: 'GET', agent: false, signal, headers: { accept: 'application/json', connection: 'close', 'user-agent': 'VNPAY-Gateway-Simulator' } },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
        res.on('error', reject);
      },
    );
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`IPN timed out after ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end();
  });
}
