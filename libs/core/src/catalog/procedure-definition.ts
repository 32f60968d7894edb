/** Administrative levels of the pre-2025 three-level structure. */
export type AdminLevel = 'city' | 'district' | 'commune';

/**
 * The sector an agency works in. A workflow step names a level and a sector; the system resolves that pair
 * to a concrete agency of the unit the dossier belongs to (e.g. commune + justice → the commune's justice and
 * civil-status office).
 */
export type AgencySector =
  | 'general' // the People's Committee itself (leaders sign here)
  | 'one_stop' // the one-stop desk that receives and returns
  | 'justice'
  | 'construction'
  | 'natural_resources'
  | 'planning_investment'
  | 'urban_management'
  | 'economy'
  | 'labour_social'
  | 'culture';

/** Online service level: 3 = "một phần" (partial), 4 = "toàn trình" (end-to-end, pays online). */
export type OnlineLevel = 3 | 4;

export interface ComponentDefinition {
  /** Stable code within the procedure, e.g. "TK" for the declaration form. */
  code: string;
  name: string;
  originals: number;
  certifiedCopies: number;
  photocopies: number;
  required: boolean;
  note?: string;
}

/** "phí" (fee for a service) or "lệ phí" (charge collected for the State). */
export type FeeKind = 'fee' | 'charge';

export interface FeeExemption {
  code: string;
  description: string;
}

/**
 * Charged by the page of each copy: `amountVnd` a page for the first `firstPages` pages, `laterPageAmountVnd` a page
 * after them, at most `maxPerCopyVnd` a copy (Thông tư 226/2016/TT-BTC: 2.000 đ/trang, từ trang thứ ba 1.000 đ/trang,
 * tối đa 200.000 đ/bản). The pages of a copy come from the form field `field`; `totalField`, when the form has one,
 * is the copies × pages total, derived by the system and never taken from the applicant.
 */
export interface FeePageScale {
  field: string;
  firstPages: number;
  laterPageAmountVnd: number;
  maxPerCopyVnd: number;
  totalField?: string;
}

export interface FeeRule {
  code: string;
  kind: FeeKind;
  name: string;
  /** fixed: amountVnd once; per_copy: amountVnd × the number in the form field `copiesField`. */
  basis: 'fixed' | 'per_copy';
  amountVnd: number;
  copiesField?: string;
  /** A per-copy fee charged by the page of each copy instead of a flat amount a copy (see FeePageScale). */
  pages?: FeePageScale;
  /** Cases in which nothing is charged; a dossier claims one through the form field `exemptionField`. */
  exemptions?: FeeExemption[];
  exemptionField?: string;
  /** Pay before processing starts, or after (the result is held until paid). */
  payment: 'before' | 'after';
}

export interface WorkflowStepDefinition {
  code: string;
  name: string;
  level: AdminLevel;
  sector: AgencySector;
  /** Share of the statutory time for this step, in percent; the shares of a procedure add up to 100. */
  sharePercent: number;
}

export interface ProcessingTime {
  /** Statutory time in working days; a fraction is allowed (0.5 = half a day). */
  workingDays?: number;
  /** Statutory time in working hours, for procedures measured in hours. */
  workingHours?: number;
  /** Same-day procedures use the earlier afternoon cut-off (15:00 by default). */
  sameDay?: boolean;
}

export interface ProcedureDefinition {
  /** National procedure code from the National Database of Administrative Procedures, e.g. "1.001193". */
  code: string;
  name: string;
  /** Field (lĩnh vực), e.g. "Hộ tịch". */
  field: string;
  fieldCode: string;
  receivingLevels: AdminLevel[];
  decidingLevel: AdminLevel;
  onlineLevel: OnlineLevel;
  processingTime: ProcessingTime;
  components: ComponentDefinition[];
  fees: FeeRule[];
  /** JSON Schema (draft 2020-12 subset understood by Ajv) of the e-form, with Vietnamese titles. */
  formSchema: Record<string, unknown>;
  /** Ordered steps; the first is reception at the one-stop desk, the last the return of the result. */
  workflow: WorkflowStepDefinition[];
  resultName: string;
  legalBasis: string[];
}

export const ONLINE_LEVEL_NAMES: Record<OnlineLevel, { legacy: string; decree42: string; decree42Vi: string }> = {
  3: { legacy: 'Mức độ 3', decree42: 'partial', decree42Vi: 'Một phần' },
  4: { legacy: 'Mức độ 4', decree42: 'end_to_end', decree42Vi: 'Toàn trình' },
};
