import type { ProcedureDefinition } from '@dvc/core';
import { BUSINESS_PROCEDURES } from './business.procedures';
import { CERTIFICATION_PROCEDURES } from './certification.procedures';
import { CIVIL_STATUS_PROCEDURES } from './civil-status.procedures';
import { CONSTRUCTION_PROCEDURES } from './construction.procedures';
import { ENVIRONMENT_PROCEDURES } from './environment.procedures';
import { JUDICIAL_RECORD_PROCEDURES } from './judicial-record.procedures';
import { LAND_PROCEDURES } from './land.procedures';
import { SOCIAL_PROTECTION_PROCEDURES } from './social-protection.procedures';

export {
  BUSINESS_PROCEDURES,
  CERTIFICATION_PROCEDURES,
  CIVIL_STATUS_PROCEDURES,
  CONSTRUCTION_PROCEDURES,
  ENVIRONMENT_PROCEDURES,
  JUDICIAL_RECORD_PROCEDURES,
  LAND_PROCEDURES,
  SOCIAL_PROTECTION_PROCEDURES,
};

/** The seed catalogue: real procedures of the National Database of Administrative Procedures, as run in Hà Nội. */
export const PROCEDURES: ProcedureDefinition[] = [
  ...CIVIL_STATUS_PROCEDURES,
  ...CERTIFICATION_PROCEDURES,
  ...SOCIAL_PROTECTION_PROCEDURES,
  ...LAND_PROCEDURES,
  ...CONSTRUCTION_PROCEDURES,
  ...BUSINESS_PROCEDURES,
  ...JUDICIAL_RECORD_PROCEDURES,
  ...ENVIRONMENT_PROCEDURES,
];
