import type { OfficerRole } from '../identity/roles';
import { DomainError, type FieldError } from '../errors/domain-error';

/**
 * What happens to the officers of an old unit's agencies: `move` puts their account in the successor agency (they
 * now read and act there only); `grant` keeps their account at the closed agency, for its history, and gives them
 * a second one at the successor with the same name, title, roles and credentials.
 */
export type OfficerTransferMode = 'move' | 'grant';
export const OFFICER_TRANSFER_MODES: readonly OfficerTransferMode[] = ['move', 'grant'];

export interface OfficerMapping {
  /** For old units not listed; `move` when left out. */
  default?: OfficerTransferMode;
  /** Old unit code (commune or district) → mode. */
  units?: Record<string, OfficerTransferMode>;
}

export interface OfficerAtClosingAgency {
  id: string;
  username: string;
  roles: OfficerRole[];
  agencyCode: string;
  unitCode: string;
  active: boolean;
}

export interface OfficerTransfer {
  officerId: string;
  username: string;
  mode: OfficerTransferMode;
  fromAgencyCode: string;
  toAgencyCode: string;
  roles: OfficerRole[];
  /** The second account's username (grant). */
  grantedUsername?: string;
}

const USERNAME_MAX = 64;

/** The granted account's username: the officer's, dot, the new unit's code (`tn.trangtien.00070`), within 64 characters. */
export function grantedUsername(username: string, newUnitCode: string): string {
  return `${username.slice(0, USERNAME_MAX - newUnitCode.length - 1)}.${newUnitCode}`;
}

export function refuseBadOfficerMapping(mapping: OfficerMapping, oldUnits: ReadonlySet<string>): void {
  const errors: FieldError[] = [];
  if (mapping.default !== undefined && !OFFICER_TRANSFER_MODES.includes(mapping.default))
    errors.push({ field: 'officers.default', message: 'must be move or grant' });
  const units = mapping.units ?? {};
  if (typeof units !== 'object' || units === null || Array.isArray(units))
    errors.push({ field: 'officers.units', message: 'must map old unit codes to move or grant' });
  else
    for (const [unit, mode] of Object.entries(units)) {
      if (!oldUnits.has(unit)) errors.push({ field: `officers.units.${unit}`, message: 'is not a unit this reorganisation closes or merges' });
      else if (!OFFICER_TRANSFER_MODES.includes(mode)) errors.push({ field: `officers.units.${unit}`, message: 'must be move or grant' });
    }
  if (errors.length > 0) throw DomainError.validation(errors);
}

/**
 * Each officer of a closing agency goes to that agency's successor (`successorOf`: closing agency → successor
 * agency and its unit), keeping their roles. A granted account is made only for an active officer; an officer
 * whose agency has no successor stays where they are.
 */
export function planOfficerTransfers(
  officers: readonly OfficerAtClosingAgency[],
  successorOf: ReadonlyMap<string, { agencyCode: string; unitCode: string }>,
  mapping: OfficerMapping,
): OfficerTransfer[] {
  const transfers: OfficerTransfer[] = [];
  for (const officer of officers) {
    const to = successorOf.get(officer.agencyCode);
    if (!to) continue;
    const mode = mapping.units?.[officer.unitCode] ?? mapping.default ?? 'move';
    if (mode === 'grant' && !officer.active) continue;
    transfers.push({
      officerId: officer.id,
      username: officer.username,
      mode,
      fromAgencyCode: officer.agencyCode,
      toAgencyCode: to.agencyCode,
      roles: [...officer.roles],
      ...(mode === 'grant' ? { grantedUsername: grantedUsername(officer.username, to.unitCode) } : {}),
    });
  }
  return transfers;
}
