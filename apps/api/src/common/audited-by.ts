import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { AuditActor } from '@dvc/audit';
import type { Principal } from '@dvc/core';

/**
 * The signed-in officer as the audit log records them: id, username and the client's address (Fastify's
 * `request.ip`, which follows X-Forwarded-For only behind HTTP_TRUST_PROXY).
 */
export const AuditedBy = createParamDecorator((_: unknown, ctx: ExecutionContext): AuditActor => {
  const request = ctx.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
  const principal = request.principal;
  if (!principal || principal.kind !== 'officer') throw new Error('AuditedBy needs an officer-only route');
  return { officerId: principal.id, username: principal.username, address: request.ip ?? null };
});
