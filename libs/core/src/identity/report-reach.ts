import type { AgencyKind } from '../units/agency-identifier';
import type { OfficerRole } from './roles';

/** Which processing reports an officer may read. */
export type ReportReach =
  | { kind: 'everything' }
  /** The officer's unit and the units below it (a People's Committee's leader, and the offices sharing its scope). */
  | { kind: 'unit_and_below'; unitCode: string }
  /** Only the officer's own agency: a city department is one agency of the city, not the city. */
  | { kind: 'agency'; agencyCode: string };

/**
 * Administrators read everything. A People's Committee reads its unit and what lies below it (the city's reads the
 * city). Anyone else reads what their worklist scope covers: a commune's or district's offices share the unit's
 * scope, while a city department's scope is the department itself — its leader reads the department, never the
 * whole city it happens to sit in (issue #15, item 14).
 */
export function reportReachOf(officer: {
  roles: readonly OfficerRole[];
  agencyKind: AgencyKind;
  agencyCode: string;
  unitCode: string;
  scopeCode: string;
}): ReportReach {
  if (officer.roles.includes('admin')) return { kind: 'everything' };
  if (officer.agencyKind === 'people_committee') return { kind: 'unit_and_below', unitCode: officer.unitCode };
  if (officer.agencyKind !== 'department' && officer.scopeCode === officer.unitCode) return { kind: 'unit_and_below', unitCode: officer.unitCode };
  return { kind: 'agency', agencyCode: officer.agencyKind === 'department' ? officer.agencyCode : officer.scopeCode };
}
