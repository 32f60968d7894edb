import type { DataSource } from 'typeorm';
import type { CalendarService } from '@dvc/calendar';
import { actionNameVi, classifyTimeliness, DomainError, isDossierCode, NATIONAL_STATUS, STATUS_NAMES_VI, type DossierStatus } from '@dvc/core';
import { appointmentsOf, iso } from './dossier-views';

interface TrackedRow {
  code: string;
  status: DossierStatus;
  received_at: Date | null;
  due_at: Date | null;
  extended_due_at: Date | null;
  paused_at: Date | null;
  supplement_requests: number;
  finished_at: Date | null;
  receiving_unit_code: string;
  postal_item_number: string | null;
  result_postal_item_number: string | null;
  procedure_name: string | null;
  agency_name: string | null;
  steps: { agencyName: string | null; at: string; action: string }[];
}

// One statement: a kiosk lookup is the busiest public route, and each round trip costs more than the query itself.
const TRACK_SQL = `
  SELECT d.code, d.status, d.received_at, d.due_at, d.extended_due_at, d.paused_at, d.supplement_requests, d.finished_at, d.receiving_unit_code, d.postal_item_number, d.result_postal_item_number, p.name AS procedure_name, a.name AS agency_name,
    COALESCE((SELECT json_agg(json_build_object('agencyName', ea.name, 'at', e.at, 'action', e.action) ORDER BY e.id)
              FROM dossier_events e LEFT JOIN agencies ea ON ea.code = e.to_agency_code WHERE e.dossier_id = d.id), '[]') AS steps
  FROM dossiers d
  LEFT JOIN procedures p ON p.code = d.procedure_code
  LEFT JOIN agencies a ON a.code = d.receiving_agency_code
  WHERE d.code = $1 AND right(d.applicant_phone, 4) = $2`;

/** Public lookup by code and the last four digits of the applicant's phone; nothing personal comes back. */
export async function trackDossier(db: DataSource, calendars: CalendarService, code: string, phoneLastFour: string) {
  if (!isDossierCode(code) || !/^\d{4}$/.test(phoneLastFour)) throw DomainError.notFound(`Dossier ${code}`);
  const [d]: TrackedRow[] = await db.query(TRACK_SQL, [code, phoneLastFour]);
  if (!d) throw DomainError.notFound(`Dossier ${code}`);
  const calendar = await calendars.calendarFor(d.receiving_unit_code);
  return {
    code: d.code,
    procedureName: d.procedure_name,
    agencyName: d.agency_name,
    status: d.status,
    statusName: STATUS_NAMES_VI[d.status],
    nationalStatus: NATIONAL_STATUS[d.status],
    receivedAt: iso(d.received_at),
    ...appointmentsOf({ dueAt: d.due_at, extendedDueAt: d.extended_due_at, pausedAt: d.paused_at, status: d.status }),
    timeliness: classifyTimeliness({
      dueAt: d.due_at,
      finishedAt: d.finished_at,
      status: d.status,
      supplementRequests: d.supplement_requests,
      now: new Date(),
      calendar,
    }),
    // The item numbers the applicant holds (the post's receipt), not personal data.
    postalItemNumber: d.postal_item_number,
    resultPostalItemNumber: d.result_postal_item_number,
    steps: d.steps.map((s) => ({ agencyName: s.agencyName, at: iso(new Date(s.at)), action: s.action, actionName: actionNameVi(s.action) })),
  };
}
