import type { AdminLevel, AgencySector, WorkflowStepDefinition } from '../catalog/procedure-definition';
import type { FieldError } from '../errors/domain-error';

export const ADMIN_LEVELS: readonly AdminLevel[] = ['city', 'district', 'commune'];
export const AGENCY_SECTORS: readonly AgencySector[] = [
  'general',
  'one_stop',
  'justice',
  'construction',
  'natural_resources',
  'planning_investment',
  'urban_management',
  'economy',
  'labour_social',
  'culture',
];

/** Shares are whole or decimal percents; their sum is compared to 100 at this precision (0.01 %). */
const SUM_TOLERANCE = 0.005;
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, max: number) => typeof v === 'string' && v.trim().length > 0 && v.length <= max;

/**
 * The rules of a workflow an administrator writes (Decree 61/2018, art. 15–17: a one-stop desk receives the dossier
 * and returns the result; the time is split between the steps): at least reception and return, both at a one-stop
 * desk; each step names its level and the sector of the agency doing it; each step has a positive share of the
 * statutory time and the shares add up to the whole, 100 %.
 */
export function workflowProblems(steps: unknown, field = 'workflow'): FieldError[] {
  if (!Array.isArray(steps)) return [{ field, message: 'must be a list of steps' }];
  if (steps.length < 2) return [{ field, message: 'needs at least reception and return of the result (2 steps)' }];
  if (steps.length > 20) return [{ field, message: 'has more than 20 steps' }];
  const errors: FieldError[] = [];
  const codes = new Set<string>();
  let sum = 0;
  let sharesReadable = true;
  steps.forEach((step: unknown, i) => {
    const at = `${field}[${i}]`;
    if (!isRecord(step)) {
      errors.push({ field: at, message: 'must be an object' });
      sharesReadable = false;
      return;
    }
    if (!text(step.code, 40) || !/^[A-Z0-9_]+$/.test(String(step.code)))
      errors.push({ field: `${at}.code`, message: 'must be 1–40 capital letters, digits or _' });
    else if (codes.has(step.code as string)) errors.push({ field: `${at}.code`, message: `repeats the step code ${String(step.code)}` });
    else codes.add(step.code as string);
    if (!text(step.name, 300)) errors.push({ field: `${at}.name`, message: 'must be a name of 1–300 characters' });
    if (!ADMIN_LEVELS.includes(step.level as AdminLevel)) errors.push({ field: `${at}.level`, message: `must be one of ${ADMIN_LEVELS.join(', ')}` });
    if (!AGENCY_SECTORS.includes(step.sector as AgencySector)) errors.push({ field: `${at}.sector`, message: `must be one of ${AGENCY_SECTORS.join(', ')}` });
    const share = step.sharePercent;
    if (typeof share !== 'number' || !Number.isFinite(share) || share <= 0 || share > 100) {
      errors.push({ field: `${at}.sharePercent`, message: 'must be a percentage above 0 and at most 100' });
      sharesReadable = false;
    } else sum += share;
  });
  const first = steps[0] as Partial<WorkflowStepDefinition> | undefined;
  const last = steps[steps.length - 1] as Partial<WorkflowStepDefinition> | undefined;
  if (isRecord(first) && first.sector !== 'one_stop')
    errors.push({ field: `${field}[0].sector`, message: 'the first step is reception at a one-stop desk (one_stop)' });
  if (isRecord(last) && last.sector !== 'one_stop')
    errors.push({ field: `${field}[${steps.length - 1}].sector`, message: 'the last step is the return of the result at a one-stop desk (one_stop)' });
  if (sharesReadable && Math.abs(sum - 100) > SUM_TOLERANCE) {
    errors.push({ field, message: `the steps' shares of the time add up to ${Math.round(sum * 100) / 100} %, not 100 %` });
  }
  return errors;
}

/** How many working hours of the statutory time each step has: its share, the rounding left on the last step. */
export function stepHours(steps: readonly Pick<WorkflowStepDefinition, 'code' | 'sharePercent'>[], totalHours: number): { code: string; hours: number }[] {
  let given = 0;
  return steps.map((s, i) => {
    const hours = i === steps.length - 1 ? Math.round((totalHours - given) * 100) / 100 : Math.round(((totalHours * s.sharePercent) / 100) * 100) / 100;
    given += hours;
    return { code: s.code, hours };
  });
}
