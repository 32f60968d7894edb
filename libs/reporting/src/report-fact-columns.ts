/** The counted columns of report_fact_deltas / report_daily_facts / report_monthly_facts (see report-facts.entity.ts). */
export const FACT_COLUMNS = [
  'received_online',
  'received_direct',
  'received_post',
  'finished_received',
  'resolved_before_due_day',
  'resolved_not_late',
  'resolved_late',
  'withdrawn',
  'refused',
  'finished_after_due',
  'due_total',
  'due_met',
  'fees_collected',
  'rated_very_satisfied',
  'rated_satisfied',
  'rated_unsatisfied',
  'fees_refunded',
] as const;

export const FACT_LIST = FACT_COLUMNS.join(', ');
export const sumsOf = (alias: string) => FACT_COLUMNS.map((c) => `sum(${alias}.${c}) AS ${c}`).join(', ');
export const addExcluded = (table: string) => FACT_COLUMNS.map((c) => `${c} = ${table}.${c} + EXCLUDED.${c}`).join(', ');
