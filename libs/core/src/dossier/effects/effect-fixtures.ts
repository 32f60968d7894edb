/** For the effects' table tests: a dossier of Phường Tràng Tiền's birth registration, and what a rule refused. */
import { fromLocal } from '../../calendar/zoned-time';
import { DomainError } from '../../errors/domain-error';
import type { PlannedStep } from '../../workflow/plan-route';
import type { DossierState } from './action-effect';

/** "YYYY-MM-DD HH:mm" in Hà Nội → instant. */
export const at = (local: string): Date => fromLocal(local.slice(0, 10), local.slice(11));

const step = (index: number, code: string, agencyCode: string): PlannedStep => ({
  index,
  code,
  name: code,
  level: 'commune',
  sector: 'justice',
  sharePercent: 100,
  agencyCode,
  scopeCode: '00079',
});

/** Receive at the desk → the justice officer processes → the chairman signs → the desk returns. */
export const ROUTE: PlannedStep[] = [
  step(0, 'receive', '001.35.22.H26'),
  step(1, 'process', '002.35.22.H26'),
  step(2, 'approve', '000.35.22.H26'),
  step(3, 'return', '001.35.22.H26'),
];

export function dossierState(overrides: Partial<DossierState> = {}): DossierState {
  return {
    status: 'processing',
    resumeStatus: null,
    procedureCode: '1.001193',
    channel: 'online',
    route: ROUTE,
    stepIndex: 1,
    currentAgencyCode: '002.35.22.H26',
    assigneeId: null,
    form: {},
    components: [],
    proposal: null,
    outcome: null,
    dueAt: at('2026-12-02 10:00'),
    extendedDueAt: null,
    pausedAt: null,
    finishedAt: null,
    closedAt: null,
    supplementRequests: 0,
    rating: null,
    feeTotalVnd: 0,
    feesBeforeVnd: 0,
    feesPaidVnd: 0,
    ...overrides,
  };
}

export interface Refusal {
  code: string;
  fields: string[];
  message: string;
}

export function refusalOf(fn: () => unknown): Refusal {
  try {
    fn();
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    return { code: e.code, fields: e.fieldErrors.map((f) => f.field), message: e.message };
  }
  throw new Error('expected a refusal');
}
