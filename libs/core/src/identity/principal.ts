import type { OfficerRole } from './roles';

export interface OfficerPrincipal {
  kind: 'officer';
  id: string;
  username: string;
  roles: OfficerRole[];
  agencyCode: string;
  unitCode: string;
  /** The worklist the officer shares with colleagues: a commune/district, or one city department. */
  scopeCode: string;
}

export interface CitizenPrincipal {
  kind: 'citizen';
  id: string;
  /** Normalised 84… number. */
  phone: string;
}

export type Principal = OfficerPrincipal | CitizenPrincipal;
