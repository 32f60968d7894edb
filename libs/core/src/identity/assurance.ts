import type { OnlineLevel } from '../catalog/procedure-definition';

/**
 * How sure the system is of who a citizen is (Decree 69/2024): 0 = a phone number only (OTP), 1 = a VNeID account
 * of level 1 (registered), 2 = a VNeID account of level 2 (verified against the national population database).
 */
export type AssuranceLevel = 0 | 1 | 2;

export const isAssuranceLevel = (value: unknown): value is AssuranceLevel => value === 0 || value === 1 || value === 2;

/**
 * The level a submission needs: the procedure's own setting when it has one, otherwise `level4Default` for a
 * full online service (level 4, where the whole dossier and its result go online) and none for the others.
 */
export function requiredAssurance(
  procedure: { onlineLevel: OnlineLevel; requiredAssurance: AssuranceLevel | null },
  level4Default: AssuranceLevel,
): AssuranceLevel {
  if (procedure.requiredAssurance !== null) return procedure.requiredAssurance;
  return procedure.onlineLevel === 4 ? level4Default : 0;
}

export const meetsAssurance = (held: AssuranceLevel, needed: AssuranceLevel): boolean => held >= needed;
