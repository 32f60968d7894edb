/**
 * Desk assignments: the procedures an agency is named to receive or to process. An agency with no assignment for a
 * duty does it for every procedure its kind and sectors cover (the derived map); once it is named for some
 * procedures, it does that duty for those alone.
 */
export type AgencyDuty = 'receive' | 'process';
export const AGENCY_DUTIES: readonly AgencyDuty[] = ['receive', 'process'];

/** What routing needs of an agency's assignments for the one procedure being routed. */
export interface ProcedureDuties {
  /** Duties the agency is named for, for this procedure. */
  assigned: readonly AgencyDuty[];
  /** Duties the agency is named for, for some procedure (so it does them for its named procedures only). */
  restricted: readonly AgencyDuty[];
}

/** 0: named for this procedure; 1: does it for every procedure; 2: named for others only, so not for this one. */
export type DutyFit = 0 | 1 | 2;

export function dutyFit(duties: ProcedureDuties | undefined, duty: AgencyDuty): DutyFit {
  if (duties?.assigned.includes(duty)) return 0;
  if (duties?.restricted.includes(duty)) return 2;
  return 1;
}

/** Whether an agency takes in dossiers of the procedure: it receives at all, and is not named for other procedures only. */
export function receivesProcedure(agency: { receives: boolean; duties?: ProcedureDuties }): boolean {
  return agency.receives && dutyFit(agency.duties, 'receive') < 2;
}
