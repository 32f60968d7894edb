import type { OfficerRole } from './roles';

export interface OfficerPrincipal {
  kind: 'officer';
  id: string;
  username: string;
  roles: OfficerRole[];
  agencyCode: string;
  unitCode: string;
}

export interface CitizenPrincipal {
  kind: 'citizen';
  id: string;
  /** Normalised 84… number. */
  phone: string;
}

export type Principal = OfficerPrincipal | CitizenPrincipal;
