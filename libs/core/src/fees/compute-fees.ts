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

function quantityOf(rule: FeeRule, form: Record<string, unknown>): number {
  if (rule.basis === 'fixed') return 1;
  const value = rule.copiesField ? form[rule.copiesField] : undefined;
  return typeof value === 'number' && Number.isInteger(value) && value > 0 ? value : 0;
}

/**
 * The fees and charges a dossier owes, in whole VND: fixed amounts once, per-copy amounts times the number the
 * form asks for, nothing when the form claims one of the rule's exemptions.
 */
export function computeFees(rules: FeeRule[], form: Record<string, unknown>): FeeAssessment {
  const lines = rules.map((rule): FeeLine => {
    const claimed = rule.exemptionField ? form[rule.exemptionField] : undefined;
    const exemption = rule.exemptions?.find((e) => e.code === claimed) ?? null;
    const quantity = quantityOf(rule, form);
    return {
      code: rule.code, kind: rule.kind, name: rule.name, basis: rule.basis, unitAmountVnd: rule.amountVnd, quantity,
      amountVnd: exemption ? 0 : rule.amountVnd * quantity, exemption, payment: rule.payment,
    };
  });
  const sum = (payment?: 'before' | 'after') => lines.filter((l) => !payment || l.payment === payment).reduce((s, l) => s + l.amountVnd, 0);
  return { lines, totalVnd: sum(), beforeVnd: sum('before'), afterVnd: sum('after') };
}
