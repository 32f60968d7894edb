import { ONLINE_LEVEL_NAMES, requiredAssurance, type AssuranceLevel, type OnlineLevel } from '@dvc/core';
import { ProcedureEntity } from './procedure.entity';

export interface OnlineLevelView {
  level: OnlineLevel;
  /** "Mức độ 3" / "Mức độ 4" (before Decree 42/2022). */
  legacyName: string;
  /** "partial" / "end_to_end" (Decree 42/2022). */
  decree42: string;
  /** "Một phần" / "Toàn trình". */
  decree42Name: string;
}

export function onlineLevelView(level: OnlineLevel): OnlineLevelView {
  const names = ONLINE_LEVEL_NAMES[level];
  return { level, legacyName: names.legacy, decree42: names.decree42, decree42Name: names.decree42Vi };
}

export function procedureSummary(p: ProcedureEntity) {
  return {
    code: p.code,
    name: p.name,
    field: p.field,
    fieldCode: p.fieldCode,
    onlineLevel: onlineLevelView(p.onlineLevel),
    receivingLevels: p.receivingLevels,
    decidingLevel: p.decidingLevel,
    processingTime: p.processingTime,
    feeTotalVnd: p.fees.filter((f) => f.basis === 'fixed').reduce((sum, f) => sum + f.amountVnd, 0),
    chargedPerCopy: p.fees.some((f) => f.basis === 'per_copy'),
  };
}

export function procedureDetail(p: ProcedureEntity, level4Assurance: AssuranceLevel) {
  return {
    ...procedureSummary(p),
    /** The sign-in an online submission needs: 0 any (phone too), 1–2 that VNeID level or higher. */
    requiredAssurance: requiredAssurance(p, level4Assurance),
    /** The version in force: a dossier submitted now is charged and dated under it. */
    version: p.version,
    /** Since when it is in force (ISO time). */
    effectiveFrom: p.effectiveFrom.toISOString(),
    components: p.components,
    fees: p.fees,
    formSchema: p.formSchema,
    workflow: p.workflow,
    resultName: p.resultName,
    legalBasis: p.legalBasis,
    /** As the national portal publishes it (times and fees per channel and case, results); null for our own. */
    national: p.national ?? null,
  };
}

export type ProcedureSummaryView = ReturnType<typeof procedureSummary>;
export type ProcedureDetailView = ReturnType<typeof procedureDetail>;
