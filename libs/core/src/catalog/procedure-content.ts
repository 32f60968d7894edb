import type { KeptField, NationalDetails, NationalProcedure } from './national/national-procedure';
import type { FeeRule, ProcedureDefinition, ProcessingTime, WorkflowStepDefinition } from './procedure-definition';

/**
 * What a procedure version fixes: everything a dossier is received, dated, charged and processed under. A dossier
 * keeps the version in force when it was submitted; any change of this content is a new version.
 */
export type ProcedureContent = Omit<ProcedureDefinition, 'code'> & { national: NationalDetails | null };

/** Who wrote a version: the seed files, an import of national records, or an administrator's published draft. */
export type ProcedureSource = 'seed' | 'national' | 'admin';

export function contentOfDefinition(def: ProcedureDefinition): ProcedureContent {
  const { code: _code, ...content } = def;
  return { ...content, national: null };
}

/** JSON with object keys sorted: PostgreSQL's jsonb keeps its own key order, so plain JSON.stringify would differ. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export const sameContent = (a: ProcedureContent, b: ProcedureContent) => canonicalJson(a) === canonicalJson(b);

/** What writing `incoming` over the stored procedure does: create version 1, keep the version, or make the next one. */
export function versionDecision(
  stored: { version: number; content: ProcedureContent } | null,
  incoming: ProcedureContent,
): { kind: 'create'; version: 1 } | { kind: 'unchanged'; version: number } | { kind: 'new_version'; version: number } {
  if (!stored) return { kind: 'create', version: 1 };
  if (sameContent(stored.content, incoming)) return { kind: 'unchanged', version: stored.version };
  return { kind: 'new_version', version: stored.version + 1 };
}

/**
 * A national record written over what we store. The record's name, field, levels, time, legal basis and results
 * replace ours. Kept from what we store:
 * - the e-form and workflow (the portal publishes neither); a new procedure gets generic ones — a free-text request,
 *   reception, processing and approval by the People's Committee of the deciding level, return at the desk — for an
 *   administrator to refine;
 * - our components, when they are our own (the seed's, or kept before): our e-forms and desk checklists name their
 *   codes, and the record's (000.00.00.G15-KQ003037 …) would orphan them;
 * - our processing time when it comes to the same working hours as the record's (it may say more: the same-day
 *   cut-off of a one-day procedure);
 * - our fee rules, when our own and charging the same amounts as the record (a zero rule is no charge), or when the
 *   record names its fees without amounts (set by the council): ours say more (per copy, exemptions, form fields)
 *   than a fixed amount. Different amounts are a fee change: the record's fees, a new version.
 */
export function importedContent(mapped: NationalProcedure, stored: { source: ProcedureSource; content: ProcedureContent } | null): ProcedureContent {
  const { code: _code, ...content } = mapped;
  const ours = stored?.content;
  // A procedure without national details is our own (the seed's, or an administrator's edit of it): all ours.
  const ownFields = new Set<KeptField>(ours && !ours.national ? ['components', 'fees'] : (ours?.national?.kept ?? []));
  const kept: KeptField[] = [];
  let { components, fees } = content;
  if (ours && ownFields.has('components') && ours.components.length > 0) {
    components = ours.components;
    kept.push('components');
  }
  const amountsUnpublished = fees.length === 0 && content.national.feeNotes.length > 0;
  if (ours && ownFields.has('fees') && (sameAmounts(ours.fees, fees) || amountsUnpublished)) {
    fees = ours.fees;
    kept.push('fees');
  }
  const processingTime = ours && hoursOf(ours.processingTime) === hoursOf(content.processingTime) ? ours.processingTime : content.processingTime;
  return {
    ...content,
    processingTime,
    components,
    fees,
    formSchema: ours?.formSchema ?? genericFormSchema(mapped.name),
    workflow: ours?.workflow?.length ? ours.workflow : genericWorkflow(mapped),
    national: { ...content.national, ...(kept.length ? { kept } : {}) },
  };
}

const hoursOf = (t: ProcessingTime) => t.workingHours ?? (t.workingDays ?? 0) * 8;
const amounts = (fees: FeeRule[]) =>
  fees
    .map((f) => f.amountVnd)
    .filter((a) => a > 0)
    .sort((a, b) => a - b)
    .join(',');
const sameAmounts = (a: FeeRule[], b: FeeRule[]) => amounts(a) === amounts(b);

export function genericFormSchema(title: string): Record<string, unknown> {
  return {
    type: 'object',
    title,
    properties: { noiDungYeuCau: { type: 'string', title: 'Nội dung yêu cầu', maxLength: 2000 } },
    additionalProperties: false,
  };
}

export function genericWorkflow(p: Pick<NationalProcedure, 'receivingLevels' | 'decidingLevel'>): WorkflowStepDefinition[] {
  const desk = p.receivingLevels[0];
  return [
    { code: 'TIEP_NHAN', name: 'Tiếp nhận hồ sơ tại Bộ phận Một cửa', level: desk, sector: 'one_stop', sharePercent: 10 },
    { code: 'XU_LY', name: 'Thẩm định, xử lý hồ sơ', level: p.decidingLevel, sector: 'general', sharePercent: 60 },
    { code: 'PHE_DUYET', name: 'Lãnh đạo phê duyệt, ký kết quả', level: p.decidingLevel, sector: 'general', sharePercent: 20 },
    { code: 'TRA_KET_QUA', name: 'Trả kết quả tại Bộ phận Một cửa', level: desk, sector: 'one_stop', sharePercent: 10 },
  ];
}
