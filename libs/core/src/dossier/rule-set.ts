/**
 * The procedural rules a dossier follows, fixed when it is received: Decree 61/2018 + Circular 01/2018 (six forms)
 * before 1 July 2025, Decree 118/2025 + Circular 03/2025 (seven forms, the stop notice) from then on.
 */
export type RuleSet = 'decree_61_2018' | 'decree_118_2025';

/** 2025-07-01 00:00 in Hà Nội. */
export const DECREE_118_IN_FORCE = new Date('2025-06-30T17:00:00Z');

export function ruleSetAt(receivedAt: Date): RuleSet {
  return receivedAt.getTime() < DECREE_118_IN_FORCE.getTime() ? 'decree_61_2018' : 'decree_118_2025';
}

export const RULE_SET_NAMES: Record<RuleSet, string> = {
  decree_61_2018: 'Nghị định 61/2018/NĐ-CP và Thông tư 01/2018/TT-VPCP',
  decree_118_2025: 'Nghị định 118/2025/NĐ-CP và Thông tư 03/2025/TT-VPCP',
};
