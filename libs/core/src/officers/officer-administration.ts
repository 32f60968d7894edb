import { DomainError, DomainErrorCode } from '../errors/domain-error';
import type { OfficerRole } from '../identity/roles';

/** Whose accounts an officer administers: everyone (administrators), a unit and the units below it (unit administrators). */
export type AdminReach = { kind: 'everything' } | { kind: 'unit_tree'; unitCode: string } | { kind: 'none' };

export interface AdminActor {
  id: string;
  roles: readonly OfficerRole[];
  /** The unit of the actor's agency. */
  unitCode: string;
}

export function adminReachOf(actor: Pick<AdminActor, 'roles' | 'unitCode'>): AdminReach {
  if (actor.roles.includes('admin')) return { kind: 'everything' };
  if (actor.roles.includes('unit_admin')) return { kind: 'unit_tree', unitCode: actor.unitCode };
  return { kind: 'none' };
}

/** `unitChain`: the agency's unit followed by its ancestors up to the city. */
export function reachIncludes(reach: AdminReach, unitChain: readonly string[]): boolean {
  if (reach.kind === 'everything') return true;
  if (reach.kind === 'none') return false;
  return unitChain.includes(reach.unitCode);
}

/** A unit administrator hands out every role but the city-wide ones (administrator, auditor). */
export function grantableRoles(actor: Pick<AdminActor, 'roles'>): readonly OfficerRole[] {
  if (actor.roles.includes('admin')) return ['receiving_officer', 'specialist', 'leader', 'unit_admin', 'admin', 'auditor'];
  if (actor.roles.includes('unit_admin')) return ['receiving_officer', 'specialist', 'leader', 'unit_admin'];
  return [];
}

export interface OfficerChange {
  actor: AdminActor;
  /** The account as it is; absent when creating one. */
  target?: { id: string; roles: readonly OfficerRole[]; unitChain: readonly string[]; active: boolean; agencyCode: string };
  /** What the account is to become (unchanged fields may be left out). */
  next: { roles?: readonly OfficerRole[]; unitChain?: readonly string[]; agencyCode?: string; active?: boolean };
}

const forbidden = (message: string, field?: string) => new DomainError(DomainErrorCode.Forbidden, message, field ? [{ field, message }] : []);

/**
 * Whether the actor may make this change; the error to answer otherwise. An account outside the actor's reach is
 * "not found" (as if it did not exist); an agency or a role beyond it is refused, naming the field.
 */
export function refuseOfficerChange({ actor, target, next }: OfficerChange): DomainError | null {
  const reach = adminReachOf(actor);
  if (reach.kind === 'none') return forbidden('Only administrators and unit administrators manage officer accounts.');
  if (target && !reachIncludes(reach, target.unitChain)) return DomainError.notFound('Officer');
  const grantable = grantableRoles(actor);
  if (target && target.roles.some((r) => !grantable.includes(r)))
    return forbidden('This account holds a role you may not grant, so only an administrator may change it.');
  if (next.unitChain && !reachIncludes(reach, next.unitChain)) return forbidden('The agency is outside the units you administer.', 'agencyCode');
  const ungrantable = (next.roles ?? []).filter((r) => !grantable.includes(r));
  if (ungrantable.length > 0) return forbidden(`You may not grant the role${ungrantable.length > 1 ? 's' : ''} ${ungrantable.join(', ')}.`, 'roles');
  if (target && target.id === actor.id) {
    const rolesChanged = next.roles !== undefined && (next.roles.length !== target.roles.length || next.roles.some((r) => !target.roles.includes(r)));
    const moved = next.agencyCode !== undefined && next.agencyCode !== target.agencyCode;
    if (rolesChanged || moved || next.active === false) {
      // Otherwise the last administrator could lock everyone out, or an account could re-scope itself.
      return forbidden('You may not change your own roles, agency or active state; ask another administrator.');
    }
  }
  return null;
}
