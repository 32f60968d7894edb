import type { FieldError } from '../errors/domain-error';
import { MAX_DOSSIER_FEES_VND } from '../fees/fee-limits';
import { workflowProblems } from '../workflow/workflow-rules';
import { formSchemaProblems } from './form-schema-check';
import type { ChannelProcessingTime, KeptField } from './national/national-procedure';
import type { ProcedureContent } from './procedure-content';
import type { ComponentDefinition, FeeRule, ProcessingTime, WorkflowStepDefinition } from './procedure-definition';

/** What an administrator edits of a procedure in a draft; the rest (name, levels, legal basis) comes from imports. */
export interface DraftEdits {
  fees: FeeRule[];
  processingTime: ProcessingTime;
  /** Per channel and case, as the national record publishes them (imported procedures only). */
  processingTimes: Pick<ChannelProcessingTime, 'channel' | 'case' | 'workingDays' | 'workingHours'>[];
  components: ComponentDefinition[];
  formSchema: Record<string, unknown>;
  workflow: WorkflowStepDefinition[];
}

export const DRAFT_FIELDS = ['fees', 'processingTime', 'processingTimes', 'components', 'formSchema', 'workflow'] as const;

export function editsOfContent(c: ProcedureContent): DraftEdits {
  return {
    fees: c.fees,
    processingTime: c.processingTime,
    components: c.components,
    formSchema: c.formSchema,
    workflow: c.workflow,
    processingTimes: (c.national?.processingTimes ?? []).map(({ channel, case: name, workingDays, workingHours }) => ({
      channel,
      case: name,
      ...(workingDays !== undefined ? { workingDays } : {}),
      ...(workingHours !== undefined ? { workingHours } : {}),
    })),
  };
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const text = (v: unknown, max: number) => typeof v === 'string' && v.trim().length > 0 && v.length <= max;
const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,59}$/;
const MAX_WORKING_DAYS = 365;

/** A statutory time: working days (in quarters) or working hours, not both; a same-day cut-off only for a day or less. */
export function timeProblems(t: unknown, field: string): FieldError[] {
  if (!isRecord(t)) return [{ field, message: 'must be {workingDays} or {workingHours}' }];
  const errors: FieldError[] = [];
  const { workingDays: d, workingHours: h, sameDay } = t;
  if ((d === undefined) === (h === undefined)) return [{ field, message: 'must give workingDays or workingHours, one of them' }];
  if (d !== undefined && (typeof d !== 'number' || !(d > 0) || d > MAX_WORKING_DAYS || !Number.isInteger(d * 4))) {
    errors.push({ field: `${field}.workingDays`, message: `must be above 0 and at most ${MAX_WORKING_DAYS}, in quarters of a day` });
  }
  if (h !== undefined && (typeof h !== 'number' || !Number.isInteger(h) || h <= 0 || h > MAX_WORKING_DAYS * 8)) {
    errors.push({ field: `${field}.workingHours`, message: `must be a whole number of hours above 0 and at most ${MAX_WORKING_DAYS * 8}` });
  }
  if (sameDay !== undefined) {
    if (typeof sameDay !== 'boolean') errors.push({ field: `${field}.sameDay`, message: 'must be true or false' });
    else if (sameDay && ((typeof d === 'number' && d > 1) || (typeof h === 'number' && h > 8)))
      errors.push({ field: `${field}.sameDay`, message: 'only a procedure of one working day or less is same-day' });
  }
  const extra = Object.keys(t).filter((k) => !['workingDays', 'workingHours', 'sameDay'].includes(k));
  if (extra.length) errors.push({ field: `${field}.${extra[0]}`, message: 'is not a field of a processing time' });
  return errors;
}

export function feeProblems(fees: unknown, formProperties: ReadonlySet<string> | null, field = 'fees'): FieldError[] {
  if (!Array.isArray(fees)) return [{ field, message: 'must be a list of fee rules' }];
  if (fees.length > 20) return [{ field, message: 'has more than 20 fee rules' }];
  const errors: FieldError[] = [];
  const codes = new Set<string>();
  const formField = (name: unknown, at: string) => {
    if (typeof name !== 'string' || !FIELD_NAME.test(name)) errors.push({ field: at, message: 'must name a field of the e-form' });
    else if (formProperties && !formProperties.has(name)) errors.push({ field: at, message: `"${name}" is not a field of the e-form` });
  };
  fees.forEach((f: unknown, i) => {
    const at = `${field}[${i}]`;
    if (!isRecord(f)) return errors.push({ field: at, message: 'must be an object' });
    if (!text(f.code, 40)) errors.push({ field: `${at}.code`, message: 'must be a code of 1–40 characters' });
    else if (codes.has(f.code as string)) errors.push({ field: `${at}.code`, message: `repeats the fee code ${String(f.code)}` });
    else codes.add(f.code as string);
    if (f.kind !== 'fee' && f.kind !== 'charge') errors.push({ field: `${at}.kind`, message: 'must be fee (phí) or charge (lệ phí)' });
    if (!text(f.name, 2000)) errors.push({ field: `${at}.name`, message: 'must be a name of 1–2000 characters' });
    if (f.basis !== 'fixed' && f.basis !== 'per_copy') errors.push({ field: `${at}.basis`, message: 'must be fixed or per_copy' });
    const amount = f.amountVnd;
    if (typeof amount !== 'number' || !Number.isInteger(amount) || amount < 0 || amount > MAX_DOSSIER_FEES_VND) {
      errors.push({ field: `${at}.amountVnd`, message: `must be a whole number of VND from 0 to ${MAX_DOSSIER_FEES_VND}` });
    }
    if (f.basis === 'per_copy') formField(f.copiesField, `${at}.copiesField`);
    else if (f.copiesField !== undefined) errors.push({ field: `${at}.copiesField`, message: 'only a per_copy fee counts copies' });
    if (f.payment !== 'before' && f.payment !== 'after') errors.push({ field: `${at}.payment`, message: 'must be before or after (processing)' });
    if (f.exemptions !== undefined) {
      if (!Array.isArray(f.exemptions) || f.exemptions.some((e) => !isRecord(e) || !text(e.code, 40) || !text(e.description, 500))) {
        errors.push({ field: `${at}.exemptions`, message: 'must be a list of {code, description}' });
      } else if (f.exemptions.length > 0) formField(f.exemptionField, `${at}.exemptionField`);
    }
  });
  return errors;
}

export function componentProblems(components: unknown, field = 'components'): FieldError[] {
  if (!Array.isArray(components)) return [{ field, message: 'must be a list of components' }];
  if (components.length > 50) return [{ field, message: 'has more than 50 components' }];
  const errors: FieldError[] = [];
  const codes = new Set<string>();
  components.forEach((c: unknown, i) => {
    const at = `${field}[${i}]`;
    if (!isRecord(c)) return errors.push({ field: at, message: 'must be an object' });
    // As long as the national records have them (codes of 60 characters, names of a few thousand).
    if (!text(c.code, 60)) errors.push({ field: `${at}.code`, message: 'must be a code of 1–60 characters' });
    else if (codes.has(c.code as string)) errors.push({ field: `${at}.code`, message: `repeats the component code ${String(c.code)}` });
    else codes.add(c.code as string);
    if (!text(c.name, 5000)) errors.push({ field: `${at}.name`, message: 'must be a name of 1–5000 characters' });
    for (const n of ['originals', 'certifiedCopies', 'photocopies'] as const) {
      if (typeof c[n] !== 'number' || !Number.isInteger(c[n]) || (c[n] as number) < 0 || (c[n] as number) > 99)
        errors.push({ field: `${at}.${n}`, message: 'must be a whole number from 0 to 99' });
    }
    if (typeof c.required !== 'boolean') errors.push({ field: `${at}.required`, message: 'must be true or false' });
    if (c.note !== undefined && !(typeof c.note === 'string' && c.note.length <= 1000))
      errors.push({ field: `${at}.note`, message: 'must be text of at most 1000 characters' });
  });
  return errors;
}

function channelTimeProblems(times: unknown, imported: boolean, field = 'processingTimes'): FieldError[] {
  if (!Array.isArray(times)) return [{ field, message: 'must be a list of {channel, case, workingDays|workingHours}' }];
  if (times.length > 0 && !imported) return [{ field, message: 'only a procedure imported from the national portal publishes times per channel and case' }];
  // A channel and case may repeat: the national records publish several times for one channel without naming cases.
  const errors: FieldError[] = [];
  times.forEach((t: unknown, i) => {
    const at = `${field}[${i}]`;
    if (!isRecord(t)) return errors.push({ field: at, message: 'must be an object' });
    if (!['online', 'direct', 'post'].includes(t.channel as string)) errors.push({ field: `${at}.channel`, message: 'must be online, direct or post' });
    if (t.case !== null && !text(t.case, 200)) errors.push({ field: `${at}.case`, message: 'must be null (one case) or a case name of 1–200 characters' });
    const { channel: _c, case: _k, ...time } = t;
    errors.push(...timeProblems(time, at).filter((e) => !e.field.endsWith('.sameDay')));
  });
  return errors;
}

/** Every fault of a draft, each with its field; empty when it may be saved. */
export function draftProblems(d: DraftEdits, imported: boolean): FieldError[] {
  const schemaErrors = formSchemaProblems(d.formSchema);
  const properties = schemaErrors.length === 0 && isRecord(d.formSchema.properties) ? new Set(Object.keys(d.formSchema.properties)) : null;
  return [
    ...feeProblems(d.fees, properties),
    ...timeProblems(d.processingTime, 'processingTime'),
    ...channelTimeProblems(d.processingTimes, imported),
    ...componentProblems(d.components),
    ...schemaErrors,
    ...workflowProblems(d.workflow),
  ];
}

/**
 * The version a published draft makes: the edits over the base content. Fees and components an administrator
 * changed become our own (kept by later imports, and charged instead of the record's amounts per channel).
 */
export function contentWithEdits(base: ProcedureContent, d: DraftEdits): ProcedureContent {
  const changed = (a: unknown, b: unknown) => JSON.stringify(a) !== JSON.stringify(b);
  let national = base.national;
  if (national) {
    const kept = new Set<KeptField>(national.kept ?? []);
    if (changed(base.fees, d.fees)) kept.add('fees');
    if (changed(base.components, d.components)) kept.add('components');
    const processingTimes: ChannelProcessingTime[] = d.processingTimes.map((t) => ({
      ...t,
      published: t.workingHours !== undefined ? { value: t.workingHours, unit: 'HOUR' } : { value: t.workingDays ?? 0, unit: 'WORKING_DAY' },
    }));
    const same =
      processingTimes.length === national.processingTimes.length &&
      processingTimes.every((t, i) => {
        const o = national!.processingTimes[i];
        return o.channel === t.channel && o.case === t.case && o.workingDays === t.workingDays && o.workingHours === t.workingHours;
      });
    national = { ...national, processingTimes: same ? national.processingTimes : processingTimes, ...(kept.size ? { kept: [...kept].sort() } : {}) };
  }
  return { ...base, fees: d.fees, processingTime: d.processingTime, components: d.components, formSchema: d.formSchema, workflow: d.workflow, national };
}
