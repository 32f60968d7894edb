import { STATUS_CODES } from 'node:http';
import type { Duplex } from 'node:stream';
import { HTTP_SLUGS } from './problem.filter';
import { problem } from './problem-details';

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (bytes that are not allowed in the request line or a
 * header, headers over the size limit, a timeout) answered as problem details like every other refusal.
 */
export function clientErrorHandler(error: Error & { code?: string }, socket: Duplex): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, detail] =
    error.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'The request headers are too large.']
      : error.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request took too long to arrive.']
        : [400, 'The request is not valid HTTP: a bad byte in the request line or a header.'];
  const body = JSON.stringify(problem(status, HTTP_SLUGS[status], detail));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/problem+json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy(error);
}
