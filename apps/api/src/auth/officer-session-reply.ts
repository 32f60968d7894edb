import type { FastifyReply, FastifyRequest } from 'fastify';
import { officerSessionCookie } from '@dvc/core';
import type { TokenService } from '@dvc/identity';

/**
 * A sign-in step that ends with an access token also gives the portal its copy: an HttpOnly session cookie, and the
 * CSRF token its writes must carry. Answers without an access token (another step to do) pass unchanged.
 */
export function withOfficerSessionCookie<T extends object>(
  tokens: TokenService,
  result: T,
  request: FastifyRequest,
  reply: FastifyReply,
): T | (T & { csrfToken: string }) {
  if (!('accessToken' in result) || typeof result.accessToken !== 'string') return result;
  void reply.header('set-cookie', officerSessionCookie(result.accessToken, tokens.officerTokenTtlSeconds, request.protocol === 'https'));
  return { ...result, csrfToken: tokens.csrfTokenFor(result.accessToken) };
}
