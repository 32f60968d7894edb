import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { DomainError, DomainErrorCode, isDatabaseUnavailable } from '@dvc/core';
import { problem, ProblemDetails, slugOf, STATUS_BY_CODE } from './problem-details';

export const HTTP_SLUGS: Record<number, string> = {
  400: 'malformed-request',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  408: 'request-timeout',
  409: 'conflict',
  413: 'payload-too-large',
  414: 'uri-too-long',
  415: 'unsupported-media-type',
  422: 'validation-failed',
  429: 'rate-limited',
  431: 'headers-too-large',
};

/** Fastify's own refusals whose message would echo the input or name the wrong part of the request. */
const FASTIFY_DETAILS: Record<string, string> = {
  FST_ERR_BAD_URL: 'The URL is malformed: a bad percent-escape or bytes that are not UTF-8.',
  FST_ERR_MAX_PARAM_LENGTH: 'A segment of the URL is too long.',
};

/**
 * Turns anything thrown while handling a request into RFC 9457 problem details. Nest routes Fastify's own errors
 * (bad JSON, body too large, unsupported content type) through the global filter too.
 */
export function toProblem(error: unknown): { body: ProblemDetails; retryAfter?: number } {
  if (error instanceof DomainError) {
    const status = STATUS_BY_CODE[error.code];
    return { body: problem(status, slugOf(error.code), error.message, error.fieldErrors), retryAfter: error.retryAfterSeconds };
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    const response = error.getResponse();
    const message = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? error.message);
    const detail = Array.isArray(message) ? message.join('; ') : String(message);
    return { body: problem(status, HTTP_SLUGS[status] ?? `http-${status}`, status === 404 && /^Cannot /.test(detail) ? 'No such route.' : detail) };
  }
  // Fastify's own errors (bad JSON, body too large, unsupported content type, bad URL) carry a 4xx statusCode.
  const { statusCode, code } = (error ?? {}) as { statusCode?: unknown; code?: unknown };
  if (typeof statusCode === 'number' && statusCode >= 400 && statusCode < 500) {
    const detail =
      FASTIFY_DETAILS[String(code)] ?? (statusCode === 400 ? 'The request body is not valid JSON or is malformed.' : String((error as Error).message));
    return { body: problem(statusCode, HTTP_SLUGS[statusCode] ?? `http-${statusCode}`, detail) };
  }
  if (isDatabaseUnavailable(error)) {
    // The change may or may not have committed before the connection went: the client sends the same request again.
    return {
      body: problem(
        503,
        slugOf(DomainErrorCode.Unavailable),
        'The service is briefly unavailable; send the same request again in a moment (with the same Idempotency-Key, a submission is never stored twice).',
      ),
      retryAfter: 2,
    };
  }
  return { body: problem(500, 'internal-error', 'Something went wrong on our side; the request was not completed.') };
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, error: unknown, logger: Logger): void {
  const { body, retryAfter } = toProblem(error);
  if (body.status >= 500) logger.error({ err: error, url: request.url }, 'Unhandled error');
  body.instance = request.url.split('?')[0];
  if (retryAfter) void reply.header('Retry-After', String(retryAfter));
  void reply.status(body.status).header('Content-Type', 'application/problem+json; charset=utf-8').send(body);
}

@Catch()
export class ProblemFilter implements ExceptionFilter {
  private readonly logger = new Logger('ProblemFilter');

  catch(error: unknown, host: ArgumentsHost): void {
    const ctx = host.switchToHttp();
    sendProblem(ctx.getResponse<FastifyReply>(), ctx.getRequest<FastifyRequest>(), error, this.logger);
  }
}
