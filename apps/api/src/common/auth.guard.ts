import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { FastifyRequest } from 'fastify';
import { cookieValue, CSRF_HEADER, DomainError, DomainErrorCode, needsCsrfToken, OFFICER_SESSION_COOKIE, type Principal } from '@dvc/core';
import { TokenService } from '@dvc/identity';
import { Access, ACCESS_KEY } from './auth.decorators';

function bearerOf(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
  return match ? match[1] : null;
}

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
    const bearer = bearerOf(request);
    // The one place an enrolment-step token is a bearer: the TOTP enrolment calls of an officer who must enrol first.
    if (access.kind === 'officer_enrolling' && bearer && this.tokens.claimsStep(bearer, 'mfa_enrolment')) {
      request.principal = await this.tokens.enrollingOfficer(bearer);
      (request as { enrolling?: boolean }).enrolling = true;
      return true;
    }
    const principal = await this.principalOf(request, bearer);
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

  /** The bearer token of an API client, else the portal's officer session cookie (writes need its CSRF token). */
  private async principalOf(request: FastifyRequest, bearer: string | null): Promise<Principal> {
    if (bearer) return this.tokens.verify(bearer);
    const cookie = cookieValue(request.headers.cookie, OFFICER_SESSION_COOKIE);
    if (!cookie) throw new DomainError(DomainErrorCode.Unauthenticated, 'Sign in first: send Authorization: Bearer <token>.');
    const principal = await this.tokens.verify(cookie);
    if (principal.kind !== 'officer') throw new DomainError(DomainErrorCode.Unauthenticated, 'Sign in first: send Authorization: Bearer <token>.');
    if (needsCsrfToken(request.method) && !this.tokens.csrfTokenMatches(cookie, request.headers[CSRF_HEADER])) {
      throw new DomainError(DomainErrorCode.Forbidden, `A change made with the session cookie needs the ${CSRF_HEADER} header the sign-in gave.`);
    }
    return principal;
  }
}
