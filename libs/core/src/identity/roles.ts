/** `auditor`: reads the administration's audit log and nothing else; only an administrator grants it. */
export const OFFICER_ROLES = ['receiving_officer', 'specialist', 'leader', 'unit_admin', 'admin', 'auditor'] as const;
export type OfficerRole = (typeof OFFICER_ROLES)[number];

export function isOfficerRole(value: string): value is OfficerRole {
  return (OFFICER_ROLES as readonly string[]).includes(value);
}
