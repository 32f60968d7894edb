import type { FeeKind, FeeRule } from '../catalog/procedure-definition';

export interface FeeLine {
  code: string;
  kind: FeeKind;
  name: string;
  basis: 'fixed' | 'per_copy';
  unitAmountVnd: number;
  quantity: number;
  amountVnd: number;
  /** The exemption the applicant claimed on the form, when one applies. */
  exemption: { code: string; description: string } | null;
  payment: 'before' | 'after';
}

export interface FeeAssessment {
  lines: FeeLine[];
  totalVnd: number;
  /** Collected before processing starts (the dossier waits, the clock paused). */
  beforeVnd: number;
  /** Collected before the result is handed over. */
  afterVnd: number;
}

const count = (value: unknown): number => (typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0);

function quantityOf(rule: FeeRule, form: Record<string, unknown>): number {
  if (rule.basis === 'fixed') return 1;
  return rule.copiesField ? count(form[rule.copiesField]) : 0;
}

/** The amount of one copy: flat, or by its pages on the rule's scale (0 when the form gives no page count). */
function unitAmountOf(rule: FeeRule, form: Record<string, unknown>): number {
  const scale = rule.basis === 'per_copy' ? rule.pages : undefined;
  if (!scale) return rule.amountVnd;
  const pages = count(form[scale.field]);
  const first = Math.min(pages, scale.firstPages);
  return Math.min(scale.maxPerCopyVnd, rule.amountVnd * first + scale.laterPageAmountVnd * (pages - first));
}

/**
 * The form with every total the fee rules derive put in place of what the applicant typed (pages of all copies =
 * copies × pages of a copy); a total that cannot be derived (a count missing or invalid) is left for validation.
 */
export function deriveFeeTotals(rules: FeeRule[], form: Record<string, unknown>): Record<string, unknown> {
  let derived = form;
  for (const rule of rules) {
    const scale = rule.basis === 'per_copy' ? rule.pages : undefined;
    if (!scale?.totalField || !rule.copiesField) continue;
    const copies = count(form[rule.copiesField]);
    const pages = count(form[scale.field]);
    if (copies > 0 && pages > 0) derived = { ...derived, [scale.totalField]: copies * pages };
  }
  return derived;
}

/**
 * The fees and charges a dossier owes, in whole VND: fixed amounts once, per-copy amounts (flat, or by the pages of
 * a copy) times the number the form asks for, nothing when the form claims one of the rule's exemptions. Only the
 * form fields a rule names are read; totals a rule derives (deriveFeeTotals) are never read.
 */
export function computeFees(rules: FeeRule[], form: Record<string, unknown>): FeeAssessment {
  const lines = rules.map((rule): FeeLine => {
    const claimed = rule.exemptionField ? form[rule.exemptionField] : undefined;
    const exemption = rule.exemptions?.find((e) => e.code === claimed) ?? null;
    const quantity = quantityOf(rule, form);
    const unitAmountVnd = unitAmountOf(rule, form);
    return {
      code: rule.code,
      kind: rule.kind,
      name: rule.name,
      basis: rule.basis,
      unitAmountVnd,
      quantity,
      amountVnd: exemption ? 0 : unitAmountVnd * quantity,
      exemption,
      payment: rule.payment,
    };
  });
  const sum = (payment?: 'before' | 'after') => lines.filter((l) => !payment || l.payment === payment).reduce((s, l) => s + l.amountVnd, 0);
  return { lines, totalVnd: sum(), beforeVnd: sum('before'), afterVnd: sum('after') };
}
