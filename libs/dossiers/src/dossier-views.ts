import {
  actionNameVi,
  actorNameForApplicant,
  applicantEventDetail,
  classifyTimeliness,
  isClockPaused,
  NATIONAL_STATUS,
  NATIONAL_STATUS_NAMES,
  RULE_SET_NAMES,
  STATUS_NAMES_VI,
  toIsoWithOffset,
  type ActorRole,
  availableActions,
  type WorkingCalendar,
} from '@dvc/core';
import type { DossierEntity } from './dossier.entity';
import type { DossierEventEntity } from './dossier-event.entity';

export const iso = (d: Date | null | undefined): string | null => (d ? toIsoWithOffset(d) : null);

export function timelinessOf(d: DossierEntity, calendar: WorkingCalendar, now = new Date()) {
  return classifyTimeliness({ dueAt: d.dueAt, finishedAt: d.finishedAt, status: d.status, supplementRequests: d.supplementRequests, now, calendar });
}

/**
 * The appointments as api.md names them: `firstDueAt` is the reference timeliness is judged against (moved only by
 * pauses), `dueAt` the appointment the applicant now holds (after pauses and extensions).
 */
export function appointmentsOf(d: Pick<DossierEntity, 'dueAt' | 'extendedDueAt' | 'pausedAt' | 'status'>) {
  return {
    firstDueAt: iso(d.dueAt),
    dueAt: iso(d.extendedDueAt ?? d.dueAt),
    extended: d.extendedDueAt !== null,
    paused: isClockPaused(d.status) && d.pausedAt !== null,
    pausedSince: isClockPaused(d.status) ? iso(d.pausedAt) : null,
  };
}

/** The postal item numbers of a dossier: the one it came in (and the day it reached the post desk), the result's. */
export function postalOf(d: Pick<DossierEntity, 'postalItemNumber' | 'postReceivedOn' | 'resultPostalItemNumber'>) {
  return { itemNumber: d.postalItemNumber, receivedOn: d.postReceivedOn, resultItemNumber: d.resultPostalItemNumber };
}

export function dossierSummary(d: DossierEntity, names: { procedure?: string }, calendar: WorkingCalendar, now = new Date()) {
  return {
    code: d.code,
    procedureCode: d.procedureCode,
    procedureName: names.procedure ?? null,
    agencyCode: d.receivingAgencyCode,
    currentAgencyCode: d.currentAgencyCode,
    status: d.status,
    statusName: STATUS_NAMES_VI[d.status],
    nationalStatus: NATIONAL_STATUS[d.status],
    channel: d.channel,
    applicantName: d.applicant.fullName,
    assigneeId: d.assigneeId,
    submittedAt: iso(d.submittedAt),
    receivedAt: iso(d.receivedAt),
    ...appointmentsOf(d),
    finishedAt: iso(d.finishedAt),
    timeliness: timelinessOf(d, calendar, now),
    deadlineFlag: d.deadlineFlag,
    version: d.version,
  };
}

/** The agency that carried out an event's step: where the dossier was (a hand-over's giver), else where it went. */
const actingAgencyOf = (e: DossierEventEntity): string => e.fromAgencyCode ?? e.toAgencyCode;

/**
 * Who did an event's step for the reader. Officers see the full name kept in the event; the applicant sees the
 * officer's title and the authority they act for (`authorities`: agency code → its People's Committee or
 * department), never a login name, a personal name or an id.
 */
export function actorView(e: DossierEventEntity, authorities: Map<string, string> | null) {
  if (!authorities) return { kind: e.actorKind, id: e.actorId, name: e.actorName, title: e.actorTitle, role: e.actorRole };
  const name = actorNameForApplicant(
    { kind: e.actorKind, name: e.actorName, title: e.actorTitle, role: e.actorRole },
    authorities.get(actingAgencyOf(e)) ?? null,
  );
  return { kind: e.actorKind, id: null, name, title: null, role: e.actorRole };
}

/** Control-slip lines (Form 05/06): every hand-over between agencies, with giver, time and result. */
export function controlSlip(events: DossierEventEntity[], agencyNames: Map<string, string>, authorities: Map<string, string> | null = null) {
  return events
    .filter((e) => e.fromAgencyCode !== null && e.fromAgencyCode !== e.toAgencyCode)
    .map((e) => ({
      fromAgencyCode: e.fromAgencyCode,
      fromAgencyName: agencyNames.get(e.fromAgencyCode!) ?? null,
      toAgencyCode: e.toAgencyCode,
      toAgencyName: agencyNames.get(e.toAgencyCode) ?? null,
      at: iso(e.at),
      action: e.action,
      actionName: actionNameVi(e.action),
      givenBy: actorView(e, authorities).name,
      result: e.note,
    }));
}

export function dossierDetail(
  d: DossierEntity,
  events: DossierEventEntity[],
  names: { procedure?: string; agencies: Map<string, string> },
  calendar: WorkingCalendar,
  callerRole: ActorRole | null,
  /** For the applicant: agency code → the authority it acts for (see actorView); null for officers. */
  authorities: Map<string, string> | null = null,
) {
  const summary = dossierSummary(d, names, calendar);
  return {
    ...summary,
    assigneeId: authorities ? null : summary.assigneeId,
    /** The procedure version the dossier was submitted under (its fees and time). */
    procedureVersion: d.procedureVersion,
    currentAgencyName: names.agencies.get(d.currentAgencyCode) ?? null,
    agencyName: names.agencies.get(d.receivingAgencyCode) ?? null,
    nationalStatusName: NATIONAL_STATUS_NAMES[NATIONAL_STATUS[d.status]],
    ruleSet: d.ruleSet,
    ruleSetName: RULE_SET_NAMES[d.ruleSet],
    pausedAt: iso(d.pausedAt),
    supplementRequests: d.supplementRequests,
    returnedAt: iso(d.returnedAt),
    resultDelivery: d.resultDelivery,
    postal: postalOf(d),
    applicant: d.applicant,
    form: d.form,
    components: d.components,
    outcome: d.outcome,
    proposal: callerRole === 'applicant' ? null : d.proposal,
    rating: d.rating,
    fees: d.fees,
    feeTotalVnd: d.feeTotalVnd,
    feesPaidVnd: d.feesPaidVnd,
    // An officer may ask for more than the assessed fees (request-payment with an amount): that is owed too.
    feesOutstandingVnd: Math.max(0, d.feeTotalVnd - d.feesPaidVnd, d.status === 'payment_requested' ? d.feesRequestedVnd : 0),
    feesRequestedVnd: d.status === 'payment_requested' ? d.feesRequestedVnd : 0,
    payments: [] as unknown[],
    steps: d.route.map((s) => ({
      ...s,
      agencyName: names.agencies.get(s.agencyCode) ?? null,
      state: s.index < d.stepIndex ? 'done' : s.index === d.stepIndex ? (d.closedAt ? 'done' : 'current') : 'pending',
    })),
    controlSlip: controlSlip(events, names.agencies, authorities),
    availableActions: callerRole ? availableActions(d.status, callerRole) : [],
  };
}

/** The history; `authorities` (agency code → its authority's name) is given for the applicant, null for officers. */
export function historyView(events: DossierEventEntity[], agencyNames: Map<string, string>, authorities: Map<string, string> | null = null) {
  const forApplicant = authorities !== null;
  return events.map((e) => ({
    id: e.id,
    action: e.action,
    actionName: actionNameVi(e.action),
    actor: actorView(e, authorities),
    agencyCode: e.toAgencyCode,
    agencyName: agencyNames.get(e.toAgencyCode) ?? null,
    fromAgencyCode: e.fromAgencyCode,
    at: iso(e.at),
    fromStatus: e.fromStatus,
    toStatus: e.toStatus,
    ...(forApplicant ? applicantEventDetail(e.action, e.note, e.data) : { note: e.note, data: e.data }),
  }));
}
