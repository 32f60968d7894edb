// The dossier row a submission becomes: code, route, deadlines when received at once, applicant and form as stored.
import { randomUUID } from 'node:crypto';
import { applicantSearchKey, computeFees, feesForChannel, ruleSetAt } from '@dvc/core';
import { DossierEntity } from './dossier.entity';
import type { Prepared, SubmissionInput } from './submission-input';

/** An online submission by a citizen (status new), or one registered at the desk (received, its clock running). */
export function newDossier(
  code: string,
  input: SubmissionInput,
  p: Prepared,
  o: {
    status: 'new' | 'received';
    channel: 'online' | 'direct' | 'post';
    ownerCitizenId: string | null;
    registeredByOfficerId: string | null;
    now: Date;
    receivedAt?: Date;
    dueAt?: Date;
    postal?: { itemNumber: string; receivedOn: string } | null;
  },
): DossierEntity {
  const received = o.status === 'received';
  const step = received ? 1 : 0;
  const fees = computeFees(feesForChannel(p.procedure, o.channel), p.form);
  return Object.assign(new DossierEntity(), {
    id: randomUUID(),
    code,
    procedureCode: p.procedure.code,
    procedureVersion: p.procedure.version,
    receivingAgencyCode: p.agency.code,
    receivingUnitCode: p.agency.unitCode,
    currentAgencyCode: p.route[step].agencyCode,
    currentScopeCode: p.route[step].scopeCode,
    status: o.status,
    resumeStatus: null,
    channel: o.channel,
    postalItemNumber: o.postal?.itemNumber ?? null,
    postReceivedOn: o.postal?.receivedOn ?? null,
    ruleSet: ruleSetAt(o.receivedAt ?? o.now),
    route: p.route,
    stepIndex: step,
    assigneeId: null,
    applicant: p.applicant,
    applicantSearchKey: applicantSearchKey(p.applicant.fullName),
    applicantPhone: p.phone.value,
    ownerCitizenId: o.ownerCitizenId,
    registeredByOfficerId: o.registeredByOfficerId,
    form: p.form,
    components: input.components.map((c) => ({ code: c.code, fileIds: [...new Set(c.fileIds)] })),
    resultDelivery: input.resultDelivery ?? 'desk',
    proposal: null,
    outcome: null,
    submittedAt: o.now,
    receivedAt: o.receivedAt ?? null,
    dueAt: o.dueAt ?? null,
    extendedDueAt: null,
    supplementRequests: 0,
    pausedAt: null,
    finishedAt: null,
    returnedAt: null,
    resultPostalItemNumber: null,
    closedAt: null,
    rating: null,
    fees: fees.lines,
    feeTotalVnd: fees.totalVnd,
    feesBeforeVnd: fees.beforeVnd,
    feesRequestedVnd: 0,
    feesPaidVnd: 0,
    deadlineFlag: null,
    version: 1,
    createdAt: o.now,
    updatedAt: o.now,
  });
}

/** Every check before anything is written; all problems are reported together as one 422. */
