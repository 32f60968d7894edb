import type { AssuranceLevel } from './assurance';
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
  /** 0 for a phone OTP sign-in; VNeID's level (1 or 2) otherwise. */
  assurance: AssuranceLevel;
  /** The CCCD VNeID vouched for; null for a phone sign-in and an organisation account. */
  idNumber: string | null;
  /** The VNeID sign-in this token belongs to (ended by the sign-out); none for a phone sign-in. */
  sessionId?: string;
}

export type Principal = OfficerPrincipal | CitizenPrincipal;
