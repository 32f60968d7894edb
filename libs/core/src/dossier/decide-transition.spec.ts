import { DomainError, DomainErrorCode } from '../errors/domain-error';
import { ACTOR_ROLES, DOSSIER_ACTIONS } from './dossier-actions';
import type { ActorRole, DossierAction } from './dossier-actions';
import { DOSSIER_STATUSES } from './dossier-status';
import type { DossierStatus } from './dossier-status';
import { availableActions, decideTransition } from './decide-transition';

// Written out independently of the transition table: `same` keeps the status, `resume` goes back to RESUME_TO.
const ALLOWED = `
  accept             | new                                                                                 | receiving_officer                   | received
  request_supplement | new received                                                                        | receiving_officer                   | supplement_requested
  request_supplement | received processing                                                                 | specialist                          | supplement_requested
  supplement         | supplement_requested                                                                | applicant receiving_officer         | resume
  refuse             | new received                                                                        | receiving_officer                   | refused
  refuse             | received processing                                                                 | specialist                          | refused
  assign             | received processing                                                                 | receiving_officer leader            | processing
  transfer           | received processing                                                                 | receiving_officer specialist leader | received
  propose            | processing                                                                          | specialist                          | awaiting_approval
  approve            | awaiting_approval                                                                   | leader                              | resolved
  send_back          | awaiting_approval                                                                   | leader                              | processing
  request_payment    | received processing resolved                                                        | receiving_officer specialist leader system | payment_requested
  confirm_payment    | payment_requested                                                                   | system receiving_officer            | resume
  extend             | received processing awaiting_approval supplement_requested payment_requested     | receiving_officer specialist leader | same
  return_result      | resolved                                                                            | receiving_officer                   | result_returned
  withdraw           | new received processing awaiting_approval supplement_requested payment_requested | applicant                           | withdrawn
  stop               | received processing awaiting_approval supplement_requested payment_requested     | leader                              | stopped
  rate               | result_returned                                                                     | applicant                           | same
`;
const RESUME_TO: DossierStatus = 'processing';

const STATUSES: DossierStatus[] = [
  'new',
  'received',
  'processing',
  'awaiting_approval',
  'supplement_requested',
  'payment_requested',
  'resolved',
  'result_returned',
  'refused',
  'withdrawn',
  'stopped',
];
const ACTIONS: DossierAction[] = [
  'accept',
  'request_supplement',
  'supplement',
  'refuse',
  'assign',
  'transfer',
  'propose',
  'approve',
  'send_back',
  'request_payment',
  'confirm_payment',
  'extend',
  'return_result',
  'withdraw',
  'stop',
  'rate',
];
const ROLES: ActorRole[] = ['applicant', 'receiving_officer', 'specialist', 'leader', 'admin', 'system'];

const allowedTo = new Map<string, string>();
const statusesWithAction = new Set<string>();
for (const line of ALLOWED.trim().split('\n')) {
  const [action, statuses, roles, to] = line.split('|').map((cell) => cell.trim());
  for (const status of statuses.split(/\s+/)) {
    statusesWithAction.add(`${action} ${status}`);
    for (const role of roles.split(/\s+/)) allowedTo.set(`${action} ${status} ${role}`, to);
  }
}

const triples = STATUSES.flatMap((status) => ACTIONS.flatMap((action) => ROLES.map((role) => [status, action, role] as const)));

describe('decideTransition: every status × action × role', () => {
  it('covers the whole universe', () => {
    expect([...DOSSIER_STATUSES].sort()).toEqual([...STATUSES].sort());
    expect([...DOSSIER_ACTIONS].sort()).toEqual([...ACTIONS].sort());
    expect([...ACTOR_ROLES].sort()).toEqual([...ROLES].sort());
    expect(triples).toHaveLength(1056);
    expect(allowedTo.size).toBe(66);
  });

  it.each(triples)('%s · %s · %s', (status, action, role) => {
    const decision = decideTransition({ status, action, role, resumeStatus: RESUME_TO });
    const expected = allowedTo.get(`${action} ${status} ${role}`);
    if (expected) {
      const to = expected === 'same' ? status : expected === 'resume' ? RESUME_TO : expected;
      expect(decision).toMatchObject({ ok: true, to });
      return;
    }
    const code = statusesWithAction.has(`${action} ${status}`) ? DomainErrorCode.Forbidden : DomainErrorCode.TransitionNotAllowed;
    expect(decision.ok).toBe(false);
    if (!decision.ok) {
      expect(decision.error).toBeInstanceOf(DomainError);
      expect(decision.error.code).toBe(code);
    }
  });

  it.each([...ACTIONS])('admin may never %s', (action) => {
    for (const status of STATUSES) expect(decideTransition({ status, action, role: 'admin', resumeStatus: RESUME_TO }).ok).toBe(false);
  });
});

function errorOf(decision: ReturnType<typeof decideTransition>): DomainError {
  if (decision.ok) throw new Error(`expected a refusal, got ${decision.to}`);
  return decision.error;
}

describe('decideTransition: errors', () => {
  it('reports a wrong status as 409 with the action slug and status', () => {
    const error = errorOf(decideTransition({ status: 'processing', action: 'accept', role: 'receiving_officer' }));
    expect(error.code).toBe(DomainErrorCode.TransitionNotAllowed);
    expect(error.message).toBe('Cannot accept a dossier that is processing.');
    expect(errorOf(decideTransition({ status: 'resolved', action: 'request_supplement', role: 'specialist' })).message).toBe(
      'Cannot request-supplement a dossier that is resolved.',
    );
  });

  it('reports a wrong role as 403', () => {
    const error = errorOf(decideTransition({ status: 'new', action: 'accept', role: 'specialist' }));
    expect(error.code).toBe(DomainErrorCode.Forbidden);
    expect(error.message).toBe('A specialist may not accept a dossier.');
    expect(errorOf(decideTransition({ status: 'processing', action: 'send_back', role: 'applicant' })).message).toBe(
      'Cannot send-back a dossier that is processing.',
    );
    expect(errorOf(decideTransition({ status: 'awaiting_approval', action: 'send_back', role: 'admin' })).message).toBe(
      'An admin may not send-back a dossier.',
    );
  });

  it('checks the status before the role', () => {
    expect(errorOf(decideTransition({ status: 'processing', action: 'approve', role: 'applicant' })).code).toBe(DomainErrorCode.TransitionNotAllowed);
    expect(errorOf(decideTransition({ status: 'awaiting_approval', action: 'approve', role: 'specialist' })).code).toBe(DomainErrorCode.Forbidden);
  });

  it('lets the specialist but not the desk refuse a processing dossier, and the desk but not the specialist a new one', () => {
    expect(decideTransition({ status: 'processing', action: 'refuse', role: 'specialist' }).ok).toBe(true);
    expect(errorOf(decideTransition({ status: 'processing', action: 'refuse', role: 'receiving_officer' })).code).toBe(DomainErrorCode.Forbidden);
    expect(decideTransition({ status: 'new', action: 'refuse', role: 'receiving_officer' }).ok).toBe(true);
    expect(errorOf(decideTransition({ status: 'new', action: 'refuse', role: 'specialist' })).code).toBe(DomainErrorCode.Forbidden);
  });
});

describe('decideTransition: resumeStatus', () => {
  it.each<[DossierStatus]>([['new'], ['received'], ['processing']])('supplement returns to %s', (resumeStatus) => {
    expect(decideTransition({ status: 'supplement_requested', action: 'supplement', role: 'applicant', resumeStatus })).toMatchObject({
      ok: true,
      to: resumeStatus,
    });
  });

  it.each<[DossierStatus]>([['received'], ['processing'], ['resolved']])('confirm_payment returns to %s', (resumeStatus) => {
    expect(decideTransition({ status: 'payment_requested', action: 'confirm_payment', role: 'system', resumeStatus })).toMatchObject({
      ok: true,
      to: resumeStatus,
    });
  });

  it.each<[string, DossierStatus | null | undefined]>([
    ['supplement', undefined],
    ['supplement', null],
    ['supplement', 'awaiting_approval'],
    ['supplement', 'resolved'],
    ['supplement', 'supplement_requested'],
    ['confirm_payment', undefined],
    ['confirm_payment', null],
    ['confirm_payment', 'new'],
    ['confirm_payment', 'awaiting_approval'],
    ['confirm_payment', 'payment_requested'],
  ])('%s refuses resumeStatus %s with 409', (action, resumeStatus) => {
    const ctx =
      action === 'supplement'
        ? { status: 'supplement_requested' as const, action: 'supplement' as const, role: 'applicant' as const }
        : { status: 'payment_requested' as const, action: 'confirm_payment' as const, role: 'receiving_officer' as const };
    expect(errorOf(decideTransition({ ...ctx, resumeStatus })).code).toBe(DomainErrorCode.TransitionNotAllowed);
  });

  it('ignores resumeStatus for actions that do not resume', () => {
    expect(decideTransition({ status: 'new', action: 'accept', role: 'receiving_officer', resumeStatus: 'resolved' })).toMatchObject({
      ok: true,
      to: 'received',
    });
  });
});

describe('decideTransition: clock and finality flags', () => {
  it.each<[DossierStatus, DossierAction, ActorRole, DossierStatus | undefined, boolean, boolean, boolean]>([
    // status, action, role, resumeStatus, pausesClock, resumesClock, final
    ['received', 'request_supplement', 'receiving_officer', undefined, true, false, false],
    ['processing', 'request_supplement', 'specialist', undefined, true, false, false],
    ['new', 'request_supplement', 'receiving_officer', undefined, false, false, false],
    ['processing', 'request_payment', 'specialist', undefined, true, false, false],
    ['resolved', 'request_payment', 'receiving_officer', undefined, false, false, false],
    ['supplement_requested', 'supplement', 'applicant', 'processing', false, true, false],
    ['supplement_requested', 'supplement', 'receiving_officer', 'received', false, true, false],
    ['supplement_requested', 'supplement', 'applicant', 'new', false, false, false],
    ['payment_requested', 'confirm_payment', 'system', 'processing', false, true, false],
    ['payment_requested', 'confirm_payment', 'system', 'resolved', false, false, false],
    ['supplement_requested', 'extend', 'specialist', undefined, false, false, false],
    ['supplement_requested', 'withdraw', 'applicant', undefined, false, false, true],
    ['payment_requested', 'stop', 'leader', undefined, false, false, true],
    ['processing', 'refuse', 'specialist', undefined, false, false, true],
    ['awaiting_approval', 'approve', 'leader', undefined, false, false, false],
    ['resolved', 'return_result', 'receiving_officer', undefined, false, false, true],
    ['result_returned', 'rate', 'applicant', undefined, false, false, true],
    ['new', 'accept', 'receiving_officer', undefined, false, false, false],
  ])('%s · %s · %s (resume %s) → pauses %s, resumes %s, final %s', (status, action, role, resumeStatus, pausesClock, resumesClock, final) => {
    expect(decideTransition({ status, action, role, resumeStatus })).toEqual(expect.objectContaining({ ok: true, pausesClock, resumesClock, final }));
  });
});

describe('availableActions', () => {
  it.each<[DossierStatus, ActorRole, DossierAction[]]>([
    ['new', 'receiving_officer', ['accept', 'request_supplement', 'refuse']],
    ['new', 'applicant', ['withdraw']],
    ['new', 'specialist', []],
    ['received', 'specialist', ['request_supplement', 'refuse', 'transfer', 'request_payment', 'extend']],
    ['processing', 'specialist', ['request_supplement', 'refuse', 'transfer', 'propose', 'request_payment', 'extend']],
    ['awaiting_approval', 'leader', ['approve', 'send_back', 'extend', 'stop']],
    ['supplement_requested', 'applicant', ['supplement', 'withdraw']],
    ['payment_requested', 'system', ['confirm_payment']],
    ['resolved', 'receiving_officer', ['request_payment', 'return_result']],
    ['result_returned', 'applicant', ['rate']],
    ['refused', 'leader', []],
    ['processing', 'admin', []],
  ])('%s for a %s: %j', (status, role, actions) => {
    expect(availableActions(status, role)).toEqual(actions);
  });
});
