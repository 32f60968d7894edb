import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { DomainError, DomainErrorCode, type Principal } from '@dvc/core';
import { TokenService } from '@dvc/identity';
import { Access, ACCESS_KEY } from './auth.decorators';

/**
 * Global guard: a route without an access declaration is refused, so a forgotten decorator fails closed.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const access = this.reflector.getAllAndOverride<Access | undefined>(ACCESS_KEY, [context.getHandler(), context.getClass()]);
    if (!access) throw new DomainError(DomainErrorCode.Forbidden, 'This route is not open to anyone.');
    if (access.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<FastifyRequest & { principal?: Principal }>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match) throw new DomainError(DomainErrorCode.Unauthenticated, 'Sign in first: send Authorization: Bearer <token>.');
    if (access.kind === 'officer_enrolling' && this.tokens.claimsStep(match[1], 'mfa_enrolment')) {
      request.principal = await this.tokens.enrollingOfficer(match[1]);
      (request as { enrolling?: boolean }).enrolling = true;
      return true;
    }
    const principal = await this.tokens.verify(match[1]);
    request.principal = principal;

    if (access.kind === 'officer' || access.kind === 'officer_enrolling') {
      if (principal.kind !== 'officer') throw new DomainError(DomainErrorCode.Forbidden, 'Only officers may do this.');
      if (access.kind === 'officer' && access.roles.length > 0 && !access.roles.some((r) => principal.roles.includes(r))) {
        throw new DomainError(DomainErrorCode.Forbidden, `This needs one of the roles: ${access.roles.join(', ')}.`);
      }
    }
    if (access.kind === 'citizen' && principal.kind !== 'citizen') {
      throw new DomainError(DomainErrorCode.Forbidden, 'Only citizens may do this.');
    }
    return true;
  }
}
