/** One line of a dossier's history, as far as usage metering needs it. */
export interface MeteredEvent {
  action: string;
  at: Date;
  /** Where the dossier was when the event happened (null for the submission that created it). */
  fromAgencyCode: string | null;
  /** Where the event left it. */
  toAgencyCode: string;
}

/** Re-routing by an administrative reorganisation moves a dossier without anyone working on it. */
export const UNMETERED_ACTIONS: readonly string[] = ['reorganize'];

/**
 * The agencies that worked on a dossier in the period [from, to): for each of its events in the period (but a
 * reorganisation's re-routing), the agency the dossier was at when it happened (it acted there: accepted, assigned,
 * proposed, approved, took the payment, transferred it out) and the agency the event left it at (it arrived there:
 * submitted to, transferred or sent back to; the receiver signs the hand-over on the control slip). A commune-received
 * dossier transferred to the district is worked on by both; one that only passed through in another period is not.
 */
export function agenciesThatWorkedOn(events: readonly MeteredEvent[], from: Date, to: Date): Set<string> {
  const agencies = new Set<string>();
  for (const e of events) {
    if (e.at < from || e.at >= to || UNMETERED_ACTIONS.includes(e.action)) continue;
    if (e.fromAgencyCode) agencies.add(e.fromAgencyCode);
    agencies.add(e.toAgencyCode);
  }
  return agencies;
}

/**
 * The units a dossier counts as handled at in the period: the units of the agencies that worked on it, each once.
 * `unitOf` maps an agency to its unit (undefined: an agency the report does not know, not counted).
 */
export function unitsThatWorkedOn(events: readonly MeteredEvent[], from: Date, to: Date, unitOf: (agencyCode: string) => string | undefined): Set<string> {
  const units = new Set<string>();
  for (const agency of agenciesThatWorkedOn(events, from, to)) {
    const unit = unitOf(agency);
    if (unit !== undefined) units.add(unit);
  }
  return units;
}
