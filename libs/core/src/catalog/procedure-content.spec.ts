import { canonicalJson, importedContent, versionDecision, type ProcedureContent } from './procedure-content';
import type { NationalProcedure } from './national/national-procedure';

const content = (fee: number): ProcedureContent => ({
  name: 'Cấp bản sao Trích lục hộ tịch',
  field: 'Hộ tịch',
  fieldCode: 'G15-TP07',
  receivingLevels: ['commune'],
  decidingLevel: 'commune',
  onlineLevel: 3,
  processingTime: { workingDays: 1 },
  components: [],
  resultName: 'Bản sao',
  legalBasis: [],
  formSchema: { type: 'object' },
  workflow: [],
  fees: [{ code: 'FEE_1', kind: 'charge', name: 'Lệ phí', basis: 'fixed', amountVnd: fee, payment: 'before' }],
  national: null,
});

describe('versionDecision: a new version exactly when the content changes', () => {
  it.each<[string, { version: number; content: ProcedureContent } | null, ProcedureContent, ReturnType<typeof versionDecision>]>([
    ['a new procedure is version 1', null, content(8000), { kind: 'create', version: 1 }],
    ['the same content keeps the version', { version: 3, content: content(8000) }, content(8000), { kind: 'unchanged', version: 3 }],
    ['a fee change is the next version', { version: 3, content: content(8000) }, content(10000), { kind: 'new_version', version: 4 }],
  ])('%s', (_name, stored, incoming, expected) => {
    expect(versionDecision(stored, incoming)).toEqual(expected);
  });

  it('key order does not count as a change (jsonb reorders keys)', () => {
    expect(canonicalJson({ b: 1, a: [{ d: 2, c: 3 }] })).toBe(canonicalJson({ a: [{ c: 3, d: 2 }], b: 1 }));
  });
});

describe('importedContent: what an import keeps of ours', () => {
  const national = { processingTimes: [], feesByChannel: [], feeNotes: [], results: [] };
  const theirComponents = [{ code: '000.00.00.G15-KQ003037', name: 'Tờ khai', originals: 1, certifiedCopies: 0, photocopies: 0, required: false }];
  const mapped = (fee: number) =>
    ({ ...content(fee), code: '2.000635', components: theirComponents, processingTime: { workingDays: 15 }, national }) as unknown as NationalProcedure;
  const ourComponents = [{ code: 'TK', name: 'Tờ khai cấp bản sao', originals: 1, certifiedCopies: 0, photocopies: 0, required: true }];
  const ourFees = [
    {
      code: 'PHI_BAN_SAO',
      kind: 'fee' as const,
      name: 'Phí cấp bản sao',
      basis: 'per_copy' as const,
      amountVnd: 8000,
      copiesField: 'soBanSao',
      payment: 'before' as const,
    },
  ];
  const seed: ProcedureContent = {
    ...content(8000),
    components: ourComponents,
    fees: ourFees,
    formSchema: { type: 'object', title: 'Tờ khai' },
    workflow: [{ code: 'TN', name: 'Tiếp nhận', level: 'commune', sector: 'one_stop', sharePercent: 100 }],
  };

  it("over the seed: e-form, workflow, components and the per-copy fee of the same amount are ours; the time is the record's", () => {
    const c = importedContent(mapped(8000), { source: 'seed', content: seed });
    expect(c).toMatchObject({
      formSchema: seed.formSchema,
      workflow: seed.workflow,
      components: ourComponents,
      fees: ourFees,
      processingTime: { workingDays: 15 },
    });
    expect(c.national?.kept).toEqual(['components', 'fees']);
  });

  it("our same-day time is kept when the record's comes to the same hours (1 working day = 8 h), not when it differs", () => {
    const sameDay = { ...seed, processingTime: { workingHours: 8, sameDay: true } };
    expect(importedContent({ ...mapped(8000), processingTime: { workingDays: 1 } }, { source: 'seed', content: sameDay }).processingTime).toEqual({
      workingHours: 8,
      sameDay: true,
    });
    expect(importedContent({ ...mapped(8000), processingTime: { workingDays: 5 } }, { source: 'seed', content: sameDay }).processingTime).toEqual({
      workingDays: 5,
    });
  });

  it("a different amount is a fee change: the record's fee", () => {
    const c = importedContent(mapped(10000), { source: 'seed', content: seed });
    expect(c.fees).toEqual([expect.objectContaining({ code: 'FEE_1', basis: 'fixed', amountVnd: 10000 })]);
    expect(c.national?.kept).toEqual(['components']);
  });

  it('a zero rule of ours is no charge, like a record without fees; a record naming its fees without amounts keeps ours', () => {
    const free = { ...seed, fees: [{ ...ourFees[0], code: 'LP_KHAI_SINH', basis: 'fixed' as const, amountVnd: 0 }] };
    expect(importedContent({ ...mapped(0), fees: [] }, { source: 'seed', content: free }).fees).toEqual(free.fees);
    const byCouncil = {
      ...mapped(0),
      fees: [],
      national: { ...national, feeNotes: [{ channel: 'direct' as const, kind: 'charge' as const, text: 'Do Hội đồng nhân dân tỉnh quy định' }] },
    };
    expect(importedContent(byCouncil, { source: 'seed', content: seed }).fees).toEqual(ourFees);
    expect(importedContent({ ...mapped(0), fees: [] }, { source: 'seed', content: seed }).fees).toEqual([]);
  });

  it("over an earlier import that kept ours, ours again; over an import that did not, the record's", () => {
    const first = importedContent(mapped(8000), { source: 'seed', content: seed });
    expect(importedContent(mapped(8000), { source: 'national', content: first }).components).toEqual(ourComponents);
    const plain = importedContent(mapped(8000), null);
    const changed = { ...mapped(8000), components: [{ ...theirComponents[0], originals: 2 }] } as NationalProcedure;
    expect(importedContent(changed, { source: 'national', content: plain }).components).toEqual(changed.components);
  });
  it('gives a new procedure a generic form and a four-step workflow whose shares add up to 100', () => {
    const c = importedContent(mapped(8000), null);
    expect(c.formSchema).toMatchObject({ type: 'object', additionalProperties: false });
    expect(c.workflow.map((s) => [s.code, s.level, s.sector])).toEqual([
      ['TIEP_NHAN', 'commune', 'one_stop'],
      ['XU_LY', 'commune', 'general'],
      ['PHE_DUYET', 'commune', 'general'],
      ['TRA_KET_QUA', 'commune', 'one_stop'],
    ]);
    expect(c.workflow.reduce((s, w) => s + w.sharePercent, 0)).toBe(100);
    expect(c).not.toHaveProperty('code');
  });
});
