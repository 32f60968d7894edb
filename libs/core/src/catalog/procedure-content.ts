import type { NationalDetails, NationalProcedure } from './national/national-procedure';
import type { ProcedureDefinition, WorkflowStepDefinition } from './procedure-definition';

/**
 * What a procedure version fixes: everything a dossier is received, dated, charged and processed under. A dossier
 * keeps the version in force when it was submitted; any change of this content is a new version.
 */
export type ProcedureContent = Omit<ProcedureDefinition, 'code'> & { national: NationalDetails | null };

export type ProcedureSource = 'seed' | 'national';

export function contentOfDefinition(def: ProcedureDefinition): ProcedureContent {
  const { code: _code, ...content } = def;
  return { ...content, national: null };
}

/** JSON with object keys sorted: PostgreSQL's jsonb keeps its own key order, so plain JSON.stringify would differ. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value ?? null);
}

export const sameContent = (a: ProcedureContent, b: ProcedureContent) => canonicalJson(a) === canonicalJson(b);

/** What writing `incoming` over the stored procedure does: create version 1, keep the version, or make the next one. */
export function versionDecision(stored: { version: number; content: ProcedureContent } | null, incoming: ProcedureContent):
  { kind: 'create'; version: 1 } | { kind: 'unchanged'; version: number } | { kind: 'new_version'; version: number } {
  if (!stored) return { kind: 'create', version: 1 };
  if (sameContent(stored.content, incoming)) return { kind: 'unchanged', version: stored.version };
  return { kind: 'new_version', version: stored.version + 1 };
}

/**
 * The e-form and workflow of an imported procedure: ours when we have them (the portal publishes neither), else a
 * generic one — a free-text request and reception, processing and approval by the People's Committee of the deciding
 * level, return at the desk — for an administrator to refine.
 */
export function importedContent(mapped: NationalProcedure, ours: Pick<ProcedureContent, 'formSchema' | 'workflow'> | null): ProcedureContent {
  const { code: _code, ...content } = mapped;
  return { ...content, formSchema: ours?.formSchema ?? genericFormSchema(mapped.name), workflow: ours?.workflow?.length ? ours.workflow : genericWorkflow(mapped) };
}

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
