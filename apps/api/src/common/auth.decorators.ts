import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { OfficerRole, Principal } from '@dvc/core';

export const ACCESS_KEY = 'dvc:access';

export type Access = { kind: 'public' } | { kind: 'officer'; roles: OfficerRole[] } | { kind: 'citizen' } | { kind: 'signed_in' };

export const Public = () => SetMetadata(ACCESS_KEY, { kind: 'public' } satisfies Access);

/** Officers only; with roles, only officers holding at least one of them. */
export const OfficerOnly = (...roles: OfficerRole[]) =>
  applyDecorators(SetMetadata(ACCESS_KEY, { kind: 'officer', roles } satisfies Access), ApiBearerAuth());

export const CitizenOnly = () => applyDecorators(SetMetadata(ACCESS_KEY, { kind: 'citizen' } satisfies Access), ApiBearerAuth());

export const SignedIn = () => applyDecorators(SetMetadata(ACCESS_KEY, { kind: 'signed_in' } satisfies Access), ApiBearerAuth());

export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  return ctx.switchToHttp().getRequest<{ principal: Principal }>().principal;
});
