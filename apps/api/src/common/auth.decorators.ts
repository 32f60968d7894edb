import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { OfficerRole, Principal } from '@dvc/core';

export const ACCESS_KEY = 'dvc:access';

export type Access =
  { kind: 'public' } | { kind: 'officer'; roles: OfficerRole[] } | { kind: 'citizen' } | { kind: 'signed_in' } | { kind: 'officer_enrolling' };

export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies Access);

/** Officers only; with roles, only officers holding at least one of them. */
export const OfficerOnly = (...roles: OfficerRole[]) => applyDecorators(SetMetadata(ACCESS_KEY, { kind: 'officer', roles } satisfies Access), ApiBearerAuth());

export const CitizenOnly = () => applyDecorators(SetMetadata(ACCESS_KEY, { kind: 'citizen' } satisfies Access), ApiBearerAuth());

export const SignedIn = () => applyDecorators(SetMetadata(ACCESS_KEY, { kind: 'signed_in' } satisfies Access), ApiBearerAuth());

/**
 * Officers with an access token, or in the middle of a sign-in that must enrol a second factor first (the
 * enrolment token of the login answer, MFA_ENFORCE).
 */
export const OfficerOrEnrolling = () => applyDecorators(SetMetadata(ACCESS_KEY, { kind: 'officer_enrolling' } satisfies Access), ApiBearerAuth());

/** Whether the caller came with an enrolment token rather than an access token. */
export const Enrolling = createParamDecorator((_: unknown, ctx: ExecutionContext): boolean => {
  return ctx.switchToHttp().getRequest<{ enrolling?: boolean }>().enrolling === true;
});

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ principal: Principal }>().principal;
});
